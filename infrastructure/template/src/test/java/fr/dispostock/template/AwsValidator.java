package fr.dispostock.template;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * AWS's offline validator, {@code @aws/cloudformation-validate} as bundled in aws-cdk-lib, run by
 * src/test/node/validate.mjs (the build installs it: src/test/node/npm-ci.mjs).
 */
final class AwsValidator {
    /** This module's folder: surefire's basedir, else where it lies in the project. */
    static final Path MODULE = Path.of(System.getProperty("basedir",
            SamTemplate.ROOT.resolve("infrastructure/template").toString())).toAbsolutePath();
    private static final Path SCRIPT = MODULE.resolve("src/test/node/validate.mjs");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private AwsValidator() {
    }

    record Diagnostic(String severity, String ruleId, String message, String entity, String propertyPath,
                      Integer startLine, Integer startColumn) {
        /** Errors and warnings; INFO (missing tags, create-only properties…) and DEBUG are advice. */
        boolean isProblem() {
            return !Set.of("INFO", "DEBUG").contains(severity);
        }

        @Override
        public String toString() {
            return severity + " " + ruleId + " at line " + startLine
                    + (entity == null ? "" : " (" + entity + (propertyPath == null ? "" : " " + propertyPath) + ")")
                    + ": " + message;
        }
    }

    record Report(String validator, String template, List<Diagnostic> diagnostics) {
        List<Diagnostic> problems() {
            return diagnostics.stream().filter(Diagnostic::isProblem).toList();
        }
    }

    static Report validate(Path template) {
        if (!Files.isDirectory(MODULE.resolve("node_modules/aws-cdk-lib"))) {
            throw new IllegalStateException("the validator is not installed: run ./mvnw -pl infrastructure/template"
                    + " generate-test-resources (npm ci) first");
        }
        try {
            Process node = new ProcessBuilder("node", SCRIPT.toString(), template.toString())
                    .directory(MODULE.toFile()).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(node.getErrorStream()));
            String out = read(node.getInputStream());
            if (!node.waitFor(3, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                throw new IllegalStateException("the validator did not finish in 3 minutes");
            }
            if (node.exitValue() != 0) {
                throw new IllegalStateException("the validator failed (exit " + node.exitValue() + "): " + err.join() + out);
            }
            return JSON.readValue(out, Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
