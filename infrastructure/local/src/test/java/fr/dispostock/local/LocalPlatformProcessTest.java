package fr.dispostock.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ./dispostock-local as a person runs it: a process of its own (java with the module's runtime
 * classpath, as the launcher starts it), stopped by a signal, started again on the same data.
 */
class LocalPlatformProcessTest {
    /** What "promptly" means for a stop: the HTTP server, the context and DynamoDB Local closed. */
    private static final long STOP_SECONDS = 10;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path data;
    @TempDir
    Path logs;

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void ctrl_c_stops_the_platform_within_seconds_and_its_data_is_there_on_the_next_start() throws Exception {
        stopsPromptlyAndKeepsItsData("INT");
    }

    @Test
    void sigterm_stops_the_platform_within_seconds_and_its_data_is_there_on_the_next_start() throws Exception {
        stopsPromptlyAndKeepsItsData("TERM");
    }

    @Test
    void a_killed_platform_keeps_every_write_it_answered_on_the_next_start() throws Exception {
        // SIGKILL: no shutdown hook, DynamoDB Local's SQLite connection never closed (a crash)
        stopsPromptlyAndKeepsItsData("KILL");
    }

    @Test
    void a_port_in_use_is_said_in_one_sentence_naming_it_and_the_option() throws Exception {
        // given a port someone else listens on
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            // when the platform is started on it
            Process p = launch(taken.getLocalPort());
            boolean exited = p.waitFor(60, TimeUnit.SECONDS);
            String err = Files.readString(output(p)).strip();

            // then it exits non-zero with one sentence that names the port and --port, and no stack trace
            assertTrue(exited);
            assertEquals(1, p.exitValue());
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains("Port " + taken.getLocalPort() + " is already in use") && err.contains("--port"), err);
        }
    }

    private void stopsPromptlyAndKeepsItsData(String signal) throws Exception {
        // given a platform running as its own process, to which the national operator wrote an instruction
        Process first = launch(0);
        int port = readyPort(first);
        String token = token(port);
        HttpResponse<String> put = http(port, "PUT", "/v1/instructions/kept-across-restarts", token,
                "{\"title\":\"Gardée\",\"body\":\"Écrite avant l'arrêt.\",\"validFrom\":\"2026-01-05\"}");
        assertEquals(201, put.statusCode(), put.body());

        // when it receives the signal
        long sent = System.nanoTime();
        signal(first, signal);
        boolean exited = first.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - sent) / 1e9;

        // then it has stopped within seconds, and the next start on the same data reads the instruction
        assertTrue(exited, "still running " + STOP_SECONDS + " s after SIG" + signal);
        assertTrue(seconds < STOP_SECONDS, seconds + " s");
        Process next = launch(0);
        int nextPort = readyPort(next);
        HttpResponse<String> read = http(nextPort, "GET", "/v1/instructions/kept-across-restarts", token(nextPort), null);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("Écrite avant l'arrêt."), read.body());
        signal(next, "TERM");
        assertTrue(next.waitFor(STOP_SECONDS, TimeUnit.SECONDS));
    }

    /** The platform as the launcher starts it, on this test's data, with nothing seeded (it starts in seconds). */
    private Process launch(int port) throws IOException {
        Path target = Path.of("target");
        String classpath = target.resolve("classes") + File.pathSeparator
                + Files.readString(target.resolve("classpath.txt")).strip();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // through perl, which puts SIGINT back to its default: a process started in the background
        // by a non-interactive shell (as this test may be) inherits SIGINT ignored, and the JVM then
        // leaves it ignored, as a terminal's Ctrl-C never would
        ProcessBuilder builder = new ProcessBuilder("perl", "-e", "$SIG{INT}='DEFAULT'; exec @ARGV or die", java,
                "-XX:TieredStopAtLevel=1", "-cp", classpath, LocalPlatform.class.getName(),
                "--port", Integer.toString(port), "--data-dir", data.toString(), "--seed", "none");
        Path out = logs.resolve("launch-" + started.size() + ".out");
        Process p = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Files.move(out, output(p));
        started.add(p);
        return p;
    }

    private static final Pattern READY = Pattern.compile("ready on http://127\\.0\\.0\\.1:(\\d+)");

    /** Waits for the ready line the launcher prints, and reads the port from it. */
    private int readyPort(Process p) throws Exception {
        Path out = output(p);
        for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); System.nanoTime() < deadline; ) {
            Matcher m = READY.matcher(Files.readString(out));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the platform ended without being ready: " + Files.readString(out));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready after 2 minutes: " + Files.readString(out));
    }

    private Path output(Process p) {
        return logs.resolve(p.pid() + ".out");
    }

    private static void signal(Process p, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
    }

    private static String token(int port) throws Exception {
        String body = http(port, "POST", "/local/token", null, "{\"roles\":[\"NATIONAL\"]}").body();
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private static HttpResponse<String> http(int port, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
