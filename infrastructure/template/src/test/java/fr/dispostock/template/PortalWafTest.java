package fr.dispostock.template;

import fr.dispostock.template.AwsValidator.Report;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static fr.dispostock.template.SamTemplate.list;
import static fr.dispostock.template.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's WAF: CloudFront takes only web ACLs of scope CLOUDFRONT, which live in us-east-1, so
 * they are a stack of their own (infrastructure/deploy/portal-waf.yaml, deployed there) whose web ACL's
 * ARN the main stack takes as PortalWebAclArn.
 */
class PortalWafTest {
    private static final Path WAF = SamTemplate.ROOT.resolve("infrastructure/deploy/portal-waf.yaml");

    @Test
    void aws_validator_reports_no_error_or_warning_in_the_waf_template() {
        // given the WAF's template
        // when AWS's offline validator reads it
        Report report = AwsValidator.validate(WAF);

        // then it reports nothing above INFO
        assertTrue(report.problems().isEmpty(), report.problems().stream().map(d -> "  " + d)
                .collect(Collectors.joining("\n")));
    }

    @Test
    void the_web_acl_blocks_an_address_past_a_rate_and_gives_its_arn() {
        // given the WAF's template
        SamTemplate waf = SamTemplate.load(WAF);
        Map<String, Map<String, Object>> acls = waf.resources("AWS::WAFv2::WebACL");
        assertEquals(1, acls.size(), acls.keySet().toString());
        String id = acls.keySet().iterator().next();
        Map<String, Object> acl = acls.get(id);

        // when its rules are read
        List<Map<String, Object>> rateRules = list(acl.get("Rules")).stream().map(SamTemplate::map)
                .filter(r -> !map(map(r.get("Statement")).get("RateBasedStatement")).isEmpty()).toList();

        // then it is CloudFront's, and one rule blocks an address past the rate the parameter gives
        assertEquals("CLOUDFRONT", acl.get("Scope"));
        assertEquals(1, rateRules.size(), acl.toString());
        Map<String, Object> rate = map(map(rateRules.get(0).get("Statement")).get("RateBasedStatement"));
        assertEquals("IP", rate.get("AggregateKeyType"));
        String limit = SamTemplate.ref(rate.get("Limit")).orElseThrow();
        assertTrue(waf.parameter(limit).get("Default") instanceof Number n && n.intValue() >= 10, waf.parameter(limit).toString());
        assertTrue(map(rateRules.get(0).get("Action")).containsKey("Block"), rateRules.get(0).toString());
        // and its ARN is the stack's output
        assertEquals("!GetAtt " + id + ".Arn", String.valueOf(waf.output("WebAclArn").get("Value")));
    }

    @Test
    void the_portal_distribution_takes_a_web_acl_of_us_east_1_only() {
        // given the main template's distribution and its parameter
        SamTemplate template = SamTemplate.load();
        Map<String, Object> config = map(template.resources("AWS::CloudFront::Distribution").get("PortalDistribution")
                .get("DistributionConfig"));
        String pattern = String.valueOf(template.parameter("PortalWebAclArn").get("AllowedPattern"));

        // then the distribution's web ACL is the parameter, which refuses anything but a CloudFront web ACL of us-east-1
        assertEquals("PortalWebAclArn", SamTemplate.ref(config.get("WebACLId")).orElse(null));
        assertTrue("arn:aws:wafv2:us-east-1:123456789012:global/webacl/dispostock-portal-waf/a1b2c3d4-5678-90ab-cdef-1234567890ab"
                .matches(pattern), pattern);
        assertFalse("arn:aws:wafv2:eu-west-3:123456789012:regional/webacl/dispostock/a1b2c3d4-5678-90ab-cdef-1234567890ab"
                .matches(pattern), pattern);
        assertFalse("arn:aws:wafv2:eu-west-3:123456789012:global/webacl/dispostock/a1b2c3d4-5678-90ab-cdef-1234567890ab"
                .matches(pattern), pattern);
        assertFalse("".matches(pattern), pattern);
    }
}
