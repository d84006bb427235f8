package tsos.monitor.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tsos.monitor.api.v1.CreateTokenRequest;
import tsos.monitor.api.v1.ListTokensRequest;
import tsos.monitor.api.v1.RevokeTokenRequest;
import tsos.monitor.api.v1.SenderAdministrationGrpc;
import tsos.monitor.api.v1.TokenInfo;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Sender tokens (an administrator's token is needed): create, list, revoke. A token is shown "
                + "once, when created; the service keeps only its hash.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a token for a sender: for its regions, or an administrator's.")
    static final class Create implements Callable<Integer> {

        @Mixin
        ServiceCall call;

        @Option(names = "--sender", required = true, description = "Who sends with it, such as 'ИС Хабаровского края'.")
        String sender;

        @ArgGroup(multiplicity = "1")
        Scope scope;

        static final class Scope {
            @Option(names = "--regions", split = ",", paramLabel = "CODE", description = "The regions it may "
                    + "report for: 24,27.")
            List<String> regions;

            @Option(names = "--admin", description = "An administrator's token: plans, quotas, territories, tokens.")
            boolean admin;
        }

        @Override
        public Integer call() throws InterruptedException {
            return call.run(channel -> {
                var issued = SenderAdministrationGrpc.newBlockingStub(channel).createToken(CreateTokenRequest
                        .newBuilder().setSender(sender).addAllRegions(scope.regions == null ? List.of() : scope.regions)
                        .setAdmin(scope.admin).build());
                return describe(issued.getInfo()) + "\n" + issued.getToken() + "\n"
                        + "(shown once: give it to the sender; the service keeps only its hash)\n";
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists tokens, revoked ones included.")
    static final class ListTokens implements Callable<Integer> {

        @Mixin
        ServiceCall call;

        @Override
        public Integer call() throws InterruptedException {
            return call.run(channel -> {
                StringBuilder text = new StringBuilder();
                SenderAdministrationGrpc.newBlockingStub(channel).listTokens(ListTokensRequest.getDefaultInstance())
                        .getTokensList().forEach(token -> text.append(describe(token)).append('\n'));
                return text.toString();
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a token by its id.")
    static final class Revoke implements Callable<Integer> {

        @Mixin
        ServiceCall call;

        @Parameters(paramLabel = "ID", description = "The token's id, as 'tsos token list' shows it.")
        String id;

        @Override
        public Integer call() throws InterruptedException {
            return call.run(channel -> describe(SenderAdministrationGrpc.newBlockingStub(channel)
                    .revokeToken(RevokeTokenRequest.newBuilder().setId(id).build())) + "\n");
        }
    }

    static String describe(TokenInfo token) {
        return String.format("%-4s %-30s %-18s created %s%s", token.getId(), token.getSender(),
                token.getAdmin() ? "admin" : "regions " + String.join(",", token.getRegionsList()),
                Instant.ofEpochSecond(token.getCreatedAt().getSeconds()),
                token.hasRevokedAt() ? "  REVOKED " + Instant.ofEpochSecond(token.getRevokedAt().getSeconds()) : "");
    }
}
