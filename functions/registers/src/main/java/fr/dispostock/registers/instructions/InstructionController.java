package fr.dispostock.registers.instructions;

import fr.dispostock.registers.RegistersApi;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Instruction;
import fr.dispostock.platform.web.Versioned;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;

/** Routes /v1/instructions → {@link InstructionService} → RegistersTable. */
@Controller("/v1/instructions")
public class InstructionController {
    private final InstructionService instructions;

    public InstructionController(InstructionService instructions) {
        this.instructions = instructions;
    }

    /** In force today; with {@code upcoming=true} (their keepers only) also those to come. */
    @Get
    @ApiResponse(responseCode = "200", description = "the instructions in force (and to come, with upcoming=true), newest first")
    @ApiResponse(responseCode = "403", description = "upcoming=true asked by someone who does not keep these instructions"
            + " (only the national operator and the region's ARS do)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "region not an INSEE region code, or upcoming neither true nor false",
            content = @Content(mediaType = "application/problem+json"))
    public List<Instruction> inForce(Caller caller, @Nullable @QueryValue String region,
                                     @Parameter(description = "also the instructions published to come (validFrom after today):"
                                             + " for the national operator and the region's ARS", schema = @Schema(type = "boolean", defaultValue = "false"))
                                     @Nullable @QueryValue String upcoming) {
        return instructions.inForce(caller, region, upcoming);
    }

    @ApiResponse(responseCode = "404", description = "no such instruction (whatever the id's shape)",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Get("/{id}")
    public HttpResponse<Instruction> get(Caller caller, String id) {
        Instruction i = instructions.get(id);
        return Versioned.ok(i, i.version());
    }

    @ApiResponse(responseCode = "403", description = "neither the national operator (national instructions) nor the ARS of the instruction's region",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "412", description = Versioned.MISMATCH,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "428", description = Versioned.REQUIRED,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "409", description = Versioned.CONCURRENT,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "id (path) not an instruction id, /title missing or too long, /body, /region not a region code, /validFrom or /validTo not a date,"
            + " /validTo before /validFrom; " + RegistersApi.IF_MATCH,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Put("/{id}")
    public HttpResponse<Instruction> put(Caller caller, String id, @Body InstructionBody body,
                                         @Nullable @Header("If-Match") String ifMatch) {
        Instruction i = instructions.put(caller, id, body, Versions.ifMatch(ifMatch));
        return Versioned.saved(i, i.version());
    }

    @ApiResponse(responseCode = "403", description = "neither the national operator (national instructions) nor the ARS of the instruction's region",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such instruction",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Get("/{id}/audit")
    public List<AuditEntry> audit(Caller caller, String id) {
        return instructions.audit(caller, id);
    }
}
