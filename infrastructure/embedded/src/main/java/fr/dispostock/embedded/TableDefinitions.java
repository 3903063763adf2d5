package fr.dispostock.embedded;

import fr.dispostock.platform.dynamo.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DynamoDB tables exactly as template.yaml defines them (the one definition), as
 * CreateTable requests for DynamoDB Local; each local table is named after its logical id.
 */
public final class TableDefinitions {
    private final Map<String, Map<String, Object>> tables;

    private TableDefinitions(Map<String, Map<String, Object>> tables) {
        this.tables = tables;
    }

    /** template.yaml of this project: beside the root pom (system property dispostock.root, or up from here). */
    public static Path locateTemplate() {
        String root = System.getProperty("dispostock.root");
        if (root != null && Files.exists(Path.of(root, "template.yaml"))) {
            return Path.of(root, "template.yaml");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    @SuppressWarnings("unchecked")
    public static TableDefinitions load(Path template) {
        Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
        ((Map<String, Object>) CloudFormationYaml.load(template).get("Resources")).forEach((id, resource) -> {
            Map<String, Object> r = (Map<String, Object>) resource;
            if ("AWS::DynamoDB::Table".equals(r.get("Type"))) {
                tables.put(id, (Map<String, Object>) r.get("Properties"));
            }
        });
        return new TableDefinitions(tables);
    }

    /**
     * Every table, as a context running several functions at once needs them (the local platform, the
     * benchmarks): each function's own application.properties names only its own tables.
     */
    public static Map<String, Object> everyTable() {
        return Map.of(Tables.REGISTERS, "RegistersTable", Tables.DECLARATIONS, "DeclarationsTable",
                Tables.STATE_STOCK, "StateStockTable", Tables.MAIL, "MailTable", Tables.INSIGHTS, "InsightsTable");
    }

    public Set<String> tableNames() {
        return tables.keySet();
    }

    public List<CreateTableRequest> createTableRequests() {
        return tables.entrySet().stream().map(e -> request(e.getKey(), e.getValue())).toList();
    }

    /** The time-to-live attribute of a table, when the template enables one. */
    @SuppressWarnings("unchecked")
    public Optional<String> ttlAttribute(String table) {
        Map<String, Object> ttl = (Map<String, Object>) tables.get(table).get("TimeToLiveSpecification");
        return ttl == null || !Boolean.TRUE.equals(ttl.get("Enabled")) ? Optional.empty()
                : Optional.of((String) ttl.get("AttributeName"));
    }

    /** Creates every table that does not exist yet. */
    public void createAll(DynamoDbClient client) {
        for (CreateTableRequest request : createTableRequests()) {
            try {
                client.createTable(request);
                ttlAttribute(request.tableName()).ifPresent(attribute -> client.updateTimeToLive(u -> u
                        .tableName(request.tableName())
                        .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))));
            } catch (ResourceInUseException exists) {
                // created by an earlier run: nothing to do
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static CreateTableRequest request(String name, Map<String, Object> p) {
        List<Map<String, Object>> gsis = (List<Map<String, Object>>) p.getOrDefault("GlobalSecondaryIndexes", List.of());
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(((List<Map<String, Object>>) p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType")).build()).toList())
                .keySchema(keySchema(p.get("KeySchema")))
                .globalSecondaryIndexes(gsis.isEmpty() ? null : gsis.stream().map(g -> GlobalSecondaryIndex.builder()
                        .indexName((String) g.get("IndexName"))
                        .keySchema(keySchema(g.get("KeySchema")))
                        .projection(projection((Map<String, Object>) g.get("Projection"))).build()).toList())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static List<KeySchemaElement> keySchema(Object schema) {
        return ((List<Map<String, Object>>) schema).stream()
                .map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType")).build()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Projection projection(Map<String, Object> p) {
        Projection.Builder b = Projection.builder().projectionType((String) p.get("ProjectionType"));
        if (p.get("NonKeyAttributes") != null) {
            b.nonKeyAttributes((List<String>) p.get("NonKeyAttributes"));
        }
        return b.build();
    }
}
