package fr.dispostock.registers;

import fr.dispostock.domain.ConflictException;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.embedded.TableDefinitions;
import fr.dispostock.platform.dynamo.AuditedWriter;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.dynamo.Tables;
import fr.dispostock.platform.register.DynamoRegisterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The registers' storage on LocalStack's DynamoDB instead of DynamoDB Local: opt-in
 * ({@code ./mvnw verify -Plocalstack}), and skipped, saying so, where no Docker engine runs.
 */
@EnabledIfSystemProperty(named = "dispostock.localstack", matches = "true",
        disabledReason = "opt-in: ./mvnw verify -Plocalstack (needs a Docker engine)")
@Testcontainers(disabledWithoutDocker = true)
class RegisterStoreOnLocalStackTest {
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
            .withServices(LocalStackContainer.Service.DYNAMODB);

    @Test
    void a_pui_is_stored_versioned_and_audited_on_localstack_as_on_dynamodb_local() {
        // given the tables of template.yaml on LocalStack
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create()).build();
        TableDefinitions.load(TableDefinitions.locateTemplate()).createAll(client);
        RegisterStore store = new DynamoRegisterStore(client, new AuditedWriter(client), new BatchCalls(client),
                new Tables("RegistersTable", null, null, null, null));

        // when a PUI is created, then updated from a stale version
        Pui pui = RegisterFixtures.pui(store, "010000024", "010780054", "CH DE FLEYRIAT", "01");
        Pui stale = new Pui(pui.finessEt(), pui.finessEj(), pui.name(), "autre@ch.fr", null, pui.deliveryAddress(),
                pui.region(), pui.departement(), 0);

        // then it reads back at version 1, the stale update loses, and the creation is audited
        assertEquals(1, store.pui(Finess.parse("010000024")).orElseThrow().version());
        assertThrows(ConflictException.class, () -> store.save(new Pui(pui.finessEt(), pui.finessEj(), pui.name(),
                pui.email(), null, pui.deliveryAddress(), pui.region(), pui.departement(), 7), stale, "test"));
        assertEquals(List.of("CREATE"), store.audit(RegisterStore.Kind.PUI, "010000024").stream()
                .map(e -> e.action()).toList());
    }
}
