package fr.dispostock.platform.lambda;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.JsonMapperCustomPojoSerializer;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.SerdeImport;

import java.util.Map;

/**
 * The JSON of every Dispostock function as the Lambda Java runtime reads its events and writes its
 * answers. The runtime takes the function's {@link CustomPojoSerializer} when the function's classes
 * name exactly one (META-INF/services): this one, Micronaut Serialization, which the function loads
 * anyway, instead of the runtime's own serializer (a shaded Jackson with its event mix-ins, some 750
 * classes loaded on every cold start; bench/README.md). It knows the HTTP API (payload 2.0) event and
 * response, imported below, and plain JSON objects (maps), which the other handlers take; a handler
 * taking another type fails on its first event.
 */
@SerdeImport(APIGatewayV2HTTPEvent.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.Http.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.Authorizer.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.IAM.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.CognitoIdentity.class)
@SerdeImport(APIGatewayV2HTTPResponse.class)
public class LambdaJson extends JsonMapperCustomPojoSerializer implements AutoCloseable {
    /** Built by the runtime through ServiceLoader. */
    public LambdaJson() {
    }

    /**
     * A mapper of its own (the runtime builds this serializer through ServiceLoader, with no way to
     * the function's context), on Micronaut Serialization's beans and this package's imports only.
     */
    @Override
    protected JsonMapper createDefault() {
        return ObjectMapper.create(Map.of(), LambdaJson.class.getPackageName());
    }

    /** Stops the mapper's own context; the runtime's instance lives as long as the function. */
    @Override
    public void close() {
        ((ObjectMapper.CloseableObjectMapper) jsonMapper).close();
    }
}
