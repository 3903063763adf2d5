package fr.dispostock.template;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal's hosting in template.yaml: a private bucket, CloudFront in front of it and of the API, strict headers. */
class PortalTest {
    // CloudFront's managed policies (their ids are the same in every account)
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    private static final Path WEB = SamTemplate.ROOT.resolve("portal/src/main/web");

    private final SamTemplate template = SamTemplate.load();

    private Map<String, Object> only(String type) {
        Map<String, Map<String, Object>> found = template.resources(type);
        assertEquals(1, found.size(), type + ": " + found.keySet());
        return found.values().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @Test
    void the_portal_bucket_is_encrypted_versioned_and_closed_to_the_public() {
        // given the template's bucket
        Map<String, Object> bucket = only("AWS::S3::Bucket");

        // then encryption by default, versioning, and every public access blocked
        Map<String, Object> sse = map(map(list(map(bucket.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).get(0))
                .get("ServerSideEncryptionByDefault"));
        assertTrue(List.of("AES256", "aws:kms").contains(sse.get("SSEAlgorithm")), sse.toString());
        assertEquals("Enabled", map(bucket.get("VersioningConfiguration")).get("Status"));
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true), bucket.get("PublicAccessBlockConfiguration"));
    }

    @Test
    void only_the_distribution_reads_the_bucket_through_origin_access_control() {
        // given the bucket's policy and the distribution's origins
        List<Object> statements = list(map(only("AWS::S3::BucketPolicy").get("PolicyDocument")).get("Statement"));
        Map<String, Object> config = map(only("AWS::CloudFront::Distribution").get("DistributionConfig"));
        Map<String, Object> s3Origin = list(config.get("Origins")).stream().map(PortalTest::map)
                .filter(o -> o.containsKey("S3OriginConfig")).findFirst().orElseThrow();

        // then the one Allow is CloudFront's service, for this distribution only, reading objects
        List<Map<String, Object>> allows = statements.stream().map(PortalTest::map).filter(s -> "Allow".equals(s.get("Effect"))).toList();
        assertEquals(1, allows.size(), allows.toString());
        Map<String, Object> allow = allows.get(0);
        assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), allow.get("Principal"));
        assertEquals("s3:GetObject", allow.get("Action"));
        String sourceArn = String.valueOf(map(map(allow.get("Condition")).get("StringEquals")).get("AWS:SourceArn"));
        assertTrue(sourceArn.contains("distribution/${PortalDistribution}"), sourceArn);
        // and the origin signs with the origin access control, not a legacy identity
        assertEquals("GetAtt", ((SamTemplate.Intrinsic) s3Origin.get("OriginAccessControlId")).function());
        assertEquals("", map(s3Origin.get("S3OriginConfig")).get("OriginAccessIdentity"));
        assertEquals("sigv4", map(only("AWS::CloudFront::OriginAccessControl").get("OriginAccessControlConfig")).get("SigningProtocol"));
    }

    @Test
    void the_api_is_routed_under_v1_through_the_same_distribution_uncached_with_every_header() {
        // given the distribution
        Map<String, Object> config = map(only("AWS::CloudFront::Distribution").get("DistributionConfig"));
        List<Map<String, Object>> behaviours = list(config.get("CacheBehaviors")).stream().map(PortalTest::map).toList();
        Map<String, Object> api = behaviours.stream().filter(b -> "/v1/*".equals(b.get("PathPattern"))).findFirst().orElseThrow();
        Map<String, Object> apiOrigin = list(config.get("Origins")).stream().map(PortalTest::map)
                .filter(o -> o.get("Id").equals(api.get("TargetOriginId"))).findFirst().orElseThrow();

        // then /v1/* goes to the HTTP API over HTTPS, never cached, with every method, header and query
        assertTrue(String.valueOf(apiOrigin.get("DomainName")).contains("${HttpApi}.execute-api."), apiOrigin.toString());
        assertEquals("https-only", map(apiOrigin.get("CustomOriginConfig")).get("OriginProtocolPolicy"));
        assertEquals(CACHING_DISABLED, api.get("CachePolicyId"));
        assertEquals(ALL_VIEWER_EXCEPT_HOST_HEADER, api.get("OriginRequestPolicyId"));
        assertTrue(list(api.get("AllowedMethods")).containsAll(List.of("GET", "PUT", "POST", "DELETE")), api.toString());
        // and everything else is the portal's files, over HTTPS only
        Map<String, Object> portal = map(config.get("DefaultCacheBehavior"));
        assertEquals(CACHING_OPTIMIZED, portal.get("CachePolicyId"));
        assertEquals("redirect-to-https", portal.get("ViewerProtocolPolicy"));
        assertEquals("index.html", config.get("DefaultRootObject"));
    }

    @Test
    void every_answer_carries_a_csp_without_inline_script_hsts_and_no_framing() {
        // given the response headers policy and the distribution's behaviours
        Map<String, Map<String, Object>> policies = template.resources("AWS::CloudFront::ResponseHeadersPolicy");
        assertEquals(1, policies.size());
        String policyId = policies.keySet().iterator().next();
        Map<String, Object> security = map(map(policies.get(policyId).get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"));
        Map<String, Object> config = map(only("AWS::CloudFront::Distribution").get("DistributionConfig"));
        List<Map<String, Object>> behaviours = new ArrayList<>(List.of(map(config.get("DefaultCacheBehavior"))));
        list(config.get("CacheBehaviors")).forEach(b -> behaviours.add(map(b)));

        // then the CSP allows scripts and styles from the portal only, and no framing
        Object cspValue = map(security.get("ContentSecurityPolicy")).get("ContentSecurityPolicy");
        String csp = cspValue instanceof SamTemplate.Intrinsic i ? String.valueOf(i.argument()) : String.valueOf(cspValue);
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertTrue(csp.contains("style-src 'self';"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        assertEquals(true, map(security.get("ContentSecurityPolicy")).get("Override"));
        // and HSTS of a year at least, no sniffing, no frames
        Map<String, Object> hsts = map(security.get("StrictTransportSecurity"));
        assertTrue(((Number) hsts.get("AccessControlMaxAgeSec")).longValue() >= 31_536_000, hsts.toString());
        assertEquals(true, hsts.get("IncludeSubdomains"));
        assertEquals(true, map(security.get("ContentTypeOptions")).get("Override"));
        assertEquals("DENY", map(security.get("FrameOptions")).get("FrameOption"));
        // and on every behaviour, the API's included
        behaviours.forEach(b -> assertEquals(SamTemplate.ref(b.get("ResponseHeadersPolicyId")).orElse(null), policyId, b.toString()));
    }

    @Test
    void the_portal_has_no_inline_script_style_or_handler_that_the_csp_would_block() throws IOException {
        // given the portal's pages and modules
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=|<style|javascript:",
                Pattern.CASE_INSENSITIVE);
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(WEB)) {
            files = walk.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".js")).toList();
        }
        assertFalse(files.isEmpty(), "no pages under " + WEB);

        // when each is searched for what a strict CSP refuses
        for (Path f : files) {
            Matcher m = inline.matcher(Files.readString(f));
            while (m.find()) {
                problems.add(WEB.relativize(f) + ": " + m.group());
            }
        }

        // then none is found
        assertTrue(problems.isEmpty(), "inline code the portal's CSP blocks:\n" + String.join("\n", problems));
    }
}
