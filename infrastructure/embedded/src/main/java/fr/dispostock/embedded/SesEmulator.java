package fr.dispostock.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The local emulator of the Amazon SES v2 API ({@code aws-ses-v2-local}, from npm, installed by this
 * module's build in infrastructure/embedded/ses-emulator): the real SES v2 client sends to it, and
 * tests read back what was sent.
 */
public final class SesEmulator implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final URI endpoint;

    private SesEmulator(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static SesEmulator start() {
        return start(Map.of());
    }

    /**
     * An emulator whose account ({@code GetAccount}) says this maximum send rate, as a production
     * account's quota would (e.g. 14 mails per second).
     */
    public static SesEmulator withMaxSendRate(double mailsPerSecond) {
        // every field the emulator's GetAccount checks; the rest as a production account in good standing
        return start(Map.of("AWS_SES_ACCOUNT", String.format(java.util.Locale.ROOT, """
                {"DedicatedIpAutoWarmupEnabled":false,"Details":{"AdditionalContactEmailAddresses":[],\
                "ContactLanguage":"FR","MailType":"TRANSACTIONAL","ReviewDetails":{"CaseId":"local","Status":"GRANTED"},\
                "UseCaseDescription":"Dispostock","WebsiteURL":"https://dispostock.invalid"},"EnforcementStatus":"HEALTHY",\
                "ProductionAccessEnabled":true,"SendingEnabled":true,"SendQuota":{"Max24HourSend":1000000,\
                "MaxSendRate":%s,"SentLast24Hours":0},"SuppressionAttributes":{"SuppressedReasons":[]}}""",
                mailsPerSecond)));
    }

    private static SesEmulator start(Map<String, String> environment) {
        Path dir = TableDefinitions.locateTemplate().resolveSibling("infrastructure/embedded/ses-emulator");
        Path cli = dir.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException(cli + " is missing: the build of infrastructure/embedded installs it"
                    + " (npm install in " + dir + ")");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            // node itself, not npx: npx leaves a child behind the PID we would stop
            ProcessBuilder builder = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment);
            Process process = builder.start();
            SesEmulator emulator = new SesEmulator(process, URI.create("http://127.0.0.1:" + port));
            emulator.awaitReady();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        // node starts in about a second, but over a minute on a machine shared by several builds
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/health-check")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException retry) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (!process.isAlive()) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("the SES emulator did not start on " + endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** What the emulator keeps: {"templates":{…},"emails":[{messageId, from, destination:{to,…}, subject, body:{text,html}, at}]}. */
    public String store() {
        return request(HttpRequest.newBuilder(endpoint.resolve("/store")).build());
    }

    /** The recipients of every mail received, in order (each mail's {@code destination.to}). */
    public java.util.List<String> recipients() {
        java.util.List<String> to = new java.util.ArrayList<>();
        java.util.regex.Matcher lists = java.util.regex.Pattern.compile("\"to\":\\[([^\\]]*)\\]").matcher(store());
        while (lists.find()) {
            java.util.regex.Matcher address = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(lists.group(1));
            while (address.find()) {
                to.add(address.group(1));
            }
        }
        return to;
    }

    public void clear() {
        request(HttpRequest.newBuilder(endpoint.resolve("/clear-store")).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String request(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
