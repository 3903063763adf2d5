package fr.dispostock.template;

import fr.dispostock.embedded.SecretsManagerEmulator;
import fr.dispostock.template.AwsCalls.Call;
import fr.dispostock.template.IamCheck.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IAM, which no emulator checks: every AWS call a function's tests made (embedded's AwsCallRecorder, in
 * functions/&lt;module&gt;/target/aws-calls.jsonl) is allowed by the policies template.yaml gives that
 * function, and those policies grant nothing its tests never used, unless the function's Metadata says why.
 */
class IamTest {
    /** The functions that pseudonymise addresses, and how template.yaml lets them read the key's secret. */
    private static final List<String> PSEUDONYMISERS = List.of("CampaignsFunction", "DeclarationsFunction",
            "RegistersFunction", "RemindersFunction", "StateStockFunction");
    private static final String SECRET_GRANT = """
                    - AWSSecretsManagerGetSecretValuePolicy:
                        SecretArn: !Ref PseudonymKey
            """;
    /** Each module's recording, read once for all the tests of this class. */
    private static final Map<String, List<Call>> RECORDED = new HashMap<>();

    private static List<Call> recorded(String module) {
        return RECORDED.computeIfAbsent(module, AwsCalls::recorded);
    }

    @Test
    void every_aws_call_of_each_function_is_granted_by_its_policies_and_nothing_more() {
        // given template.yaml and the calls each function's tests made
        SamTemplate template = SamTemplate.load();

        // when each call is matched against the function's expanded policies
        Report report = IamCheck.run(template, IamTest::recorded);

        // then IAM would allow all of them, and no grant goes unused without a reason
        assertTrue(report.clean(), report.toString());
    }

    @Test
    void a_policy_missing_one_action_is_refused_naming_the_call_the_action_and_the_resource(@TempDir Path dir)
            throws Exception {
        // given template.yaml where the declarations function may no longer put an item in its table
        String original = Files.readString(SamTemplate.FILE);
        String missing = original.replace("""
                              Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query, dynamodb:BatchWriteItem]
                              Resource: !GetAtt DeclarationsTable.Arn
                """, """
                              Action: [dynamodb:GetItem, dynamodb:Query, dynamodb:BatchWriteItem]
                              Resource: !GetAtt DeclarationsTable.Arn
                """);
        assertNotEquals(original, missing, "template.yaml changed: take another action away");
        SamTemplate broken = SamTemplate.load(Files.writeString(dir.resolve("template.yaml"), missing));

        // when checked against the same recordings
        Report report = IamCheck.run(broken, IamTest::recorded);

        // then its puts alone are refused, naming the function, the action, the table's ARN and who called
        assertEquals(1, report.denied().size(), report.toString());
        String line = report.denied().get(0);
        assertTrue(line.startsWith("DeclarationsFunction (functions/declarations): DynamoDb ")
                && line.contains(" needs dynamodb:PutItem on [arn:aws:dynamodb:eu-west-3:123456789012:table/DeclarationsTable],"
                + " not granted; called from fr.dispostock."), line);
    }

    @Test
    void each_function_given_the_pseudonym_key_reads_its_secret_and_without_the_grant_is_refused(@TempDir Path dir)
            throws Exception {
        // given template.yaml where no function may read the pseudonym key's secret any more
        String original = Files.readString(SamTemplate.FILE);
        String missing = original.replace(SECRET_GRANT, "");
        assertNotEquals(original, missing, "template.yaml changed: take the secret's grant away another way");
        SamTemplate broken = SamTemplate.load(Files.writeString(dir.resolve("template.yaml"), missing));

        // when checked against the same recordings
        Report report = IamCheck.run(broken, IamTest::recorded);

        // then the read each of the five functions' tests made of that secret (and only it) is refused
        List<String> refused = report.denied().stream().map(l -> l.substring(0, l.indexOf(' '))).sorted().toList();
        assertEquals(PSEUDONYMISERS, refused, report.toString());
        assertTrue(report.denied().stream().allMatch(l -> l.contains(" SecretsManager GetSecretValue needs"
                + " secretsmanager:GetSecretValue on [" + SecretsManagerEmulator.arn("PseudonymKey") + "], not granted")),
                report.toString());
    }

    @Test
    void the_pseudonym_key_granted_on_every_secret_is_refused_as_too_broad(@TempDir Path dir) throws Exception {
        // given template.yaml where the five functions may read any secret of the account
        String original = Files.readString(SamTemplate.FILE);
        String everySecret = original.replace(SECRET_GRANT, SECRET_GRANT.replace("!Ref PseudonymKey", "\"*\""));
        assertNotEquals(original, everySecret, "template.yaml changed: widen the secret's grant another way");
        SamTemplate broad = SamTemplate.load(Files.writeString(dir.resolve("template.yaml"), everySecret));

        // when checked
        Report report = IamCheck.run(broad, IamTest::recorded);

        // then nothing is refused, but each of them is named for granting on * what it reads of one secret
        assertEquals(List.of(), report.denied(), report.toString());
        assertEquals(PSEUDONYMISERS, report.broad().stream().map(l -> l.substring(0, l.indexOf(' '))).sorted().toList(),
                report.toString());
        assertTrue(report.broad().get(0).contains("grants secretsmanager:GetSecretValue on * (")
                && report.broad().get(0).endsWith("where its calls need [" + SecretsManagerEmulator.arn("PseudonymKey") + "]"),
                report.toString());
    }

    @Test
    void the_former_sescrudpolicy_of_the_sender_is_refused_for_its_bulk_calls_and_for_verifying_identities(
            @TempDir Path dir) throws Exception {
        // given the sender's policies as they were: SAM's DynamoDBCrudPolicy on its table, SESCrudPolicy on the identity
        String original = Files.readString(SamTemplate.FILE);
        String sender = original.substring(original.indexOf("\n  CampaignSenderFunction:"));
        String policies = sender.substring(sender.indexOf("\n        - Statement:"), sender.indexOf("\n      Events:"));
        String before = original.replace(sender, sender.replace(policies,
                "\n        - DynamoDBCrudPolicy:\n            TableName: !Ref MailTable"
                        + "\n        - SESCrudPolicy:\n            IdentityName: !Ref MailIdentity"));
        assertNotEquals(original, before, "template.yaml changed: put SESCrudPolicy back another way");
        SamTemplate former = SamTemplate.load(Files.writeString(dir.resolve("template.yaml"), before));

        // when checked
        Report report = IamCheck.run(former, IamTest::recorded);

        // then its bulk calls are refused, and the identity verification it never does is reported
        String text = report.toString();
        for (String action : List.of("ses:CreateEmailTemplate", "ses:SendBulkEmail", "ses:GetAccount")) {
            assertTrue(report.denied().stream().anyMatch(l -> l.startsWith("CampaignSenderFunction") && l.contains(
                    " needs " + action + " on ")), action + " not refused:\n" + text);
        }
        assertTrue(report.unused().stream().anyMatch(l -> l.startsWith("CampaignSenderFunction")
                && l.contains("grants ses:VerifyEmailIdentity on arn:aws:ses:eu-west-3:123456789012:identity/")), text);
    }
}
