package fr.dispostock.template;

import fr.dispostock.template.AwsValidator.Diagnostic;
import fr.dispostock.template.AwsValidator.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** template.yaml read by AWS's own offline validator, SAM transform included. */
class AwsValidatorTest {

    @Test
    void aws_validator_reports_no_error_or_warning_in_the_template() {
        // given template.yaml
        Path template = SamTemplate.FILE;

        // when AWS's offline validator reads it
        Report report = AwsValidator.validate(template);

        // then it reports nothing above INFO
        assertTrue(report.problems().isEmpty(), "@aws/cloudformation-validate " + report.validator() + " on "
                + template + ":\n" + lines(report.problems()));
    }

    @Test
    void aws_validator_reports_a_reference_to_a_missing_resource_and_a_table_without_key_schema(@TempDir Path dir)
            throws Exception {
        // given a copy of template.yaml whose first policy grants on !GetAtt NoSuchResource.Arn, and whose first table has no KeySchema
        String original = Files.readString(SamTemplate.FILE);
        String badReference = original.replaceFirst("Resource: !GetAtt RegistersTable.Arn", "Resource: !GetAtt NoSuchResource.Arn");
        assertNotEquals(original, badReference, "template.yaml changed: break it another way");
        String broken = badReference.replaceFirst(
                "\n      KeySchema:\n(        - AttributeName: .*\n          KeyType: .*\n)+", "\n");
        assertNotEquals(badReference, broken, "template.yaml changed: break it another way");
        Path file = Files.writeString(dir.resolve("template.yaml"), broken);

        // when AWS's offline validator reads it
        List<Diagnostic> problems = AwsValidator.validate(file).problems();

        // then both are reported as problems
        assertTrue(problems.stream().anyMatch(d -> d.message().contains("NoSuchResource")),
                "missing resource not reported:\n" + lines(problems));
        assertTrue(problems.stream().anyMatch(d -> d.message().contains("KeySchema") && "RegistersTable".equals(d.entity())),
                "missing KeySchema not reported:\n" + lines(problems));
    }

    private static String lines(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> "  " + d).collect(Collectors.joining("\n"));
    }
}
