package fr.dispostock.embedded;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a CloudFormation/SAM template. Short tags ({@code !Ref X}, {@code !GetAtt X.Arn},
 * {@code !Sub …}) are read as the plain value they wrap ({@code X}, {@code X.Arn}, …).
 */
public final class CloudFormationYaml {
    private CloudFormationYaml() {
    }

    public static Map<String, Object> load(Path template) {
        try (Reader in = Files.newBufferedReader(template)) {
            return new Yaml(new TagsAsValues()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class TagsAsValues extends SafeConstructor {
        TagsAsValues() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof ScalarNode scalar) {
                        return constructScalar(scalar);
                    }
                    if (node instanceof SequenceNode sequence) {
                        return constructSequence(sequence);
                    }
                    return constructMapping((MappingNode) node);
                }
            });
        }
    }
}
