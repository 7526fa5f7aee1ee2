package com.bp010.local;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation/SAM YAML template into plain maps, lists and strings, turning the short-form intrinsic tags
 * into their long form as CloudFormation does ({@code !Ref X} → {@code {"Ref": "X"}}, {@code !GetAtt A.B} →
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s} → {@code {"Fn::Sub": s}}). Duplicate keys are refused, and so are
 * aliases of lists and maps (CloudFormation accepts no YAML aliases).
 */
final class CloudFormationYaml {
    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
            "Join", "Select", "Split", "Sub", "Transform", "If", "Equals", "Not", "And", "Or", "ToJsonString", "Length");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        Yaml yaml = new Yaml(new IntrinsicsConstructor(options));
        Object document = yaml.load(Files.readString(file));
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException(file + " is not a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    private static final class IntrinsicsConstructor extends SafeConstructor {
        IntrinsicsConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            FUNCTIONS.forEach(f -> yamlConstructors.put(new Tag("!" + f), new LongForm("Fn::" + f)));
        }

        private Object value(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(key, value(node));
            }
        }

        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object v = value(node);
                if (v instanceof String s) {
                    int dot = s.indexOf('.');
                    if (dot < 1) {
                        throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got '" + s + "'");
                    }
                    return Map.of("Fn::GetAtt", List.of(s.substring(0, dot), s.substring(dot + 1)));
                }
                return Map.of("Fn::GetAtt", v);
            }
        }
    }
}
