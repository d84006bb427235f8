package tsos.monitor.adapters.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashSet;
import tsos.monitor.api.v1.CreateTokenRequest;
import tsos.monitor.api.v1.IssuedToken;
import tsos.monitor.api.v1.ListTokensRequest;
import tsos.monitor.api.v1.RevokeTokenRequest;
import tsos.monitor.api.v1.SenderAdministrationGrpc;
import tsos.monitor.api.v1.TokenInfo;
import tsos.monitor.api.v1.TokenList;
import tsos.monitor.application.SenderAuthentication;
import tsos.monitor.domain.sender.Sender;
import tsos.monitor.domain.sender.SenderToken;

/** Not a BindableService bean: {@link RequestParsing} registers it, parsing its requests inside the interceptors. */
@Singleton
@Bean(typed = ApiService.class)
final class SenderAdministrationEndpoint extends SenderAdministrationGrpc.SenderAdministrationImplBase
        implements ApiService {

    private final SenderAuthentication authentication;

    SenderAdministrationEndpoint(SenderAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public void createToken(CreateTokenRequest request, StreamObserver<IssuedToken> response) {
        SenderAuthentication.IssuedToken issued = authentication.issue(new Sender(request.getSender(),
                new HashSet<>(request.getRegionsList()), request.getAdmin())); // InvalidSender: ErrorTranslation
        response.onNext(IssuedToken.newBuilder().setInfo(info(issued.token())).setToken(issued.text()).build());
        response.onCompleted();
    }

    @Override
    public void listTokens(ListTokensRequest request, StreamObserver<TokenList> response) {
        response.onNext(TokenList.newBuilder()
                .addAllTokens(authentication.list().stream().map(SenderAdministrationEndpoint::info).toList())
                .build());
        response.onCompleted();
    }

    @Override
    public void revokeToken(RevokeTokenRequest request, StreamObserver<TokenInfo> response) {
        authentication.revoke(request.getId()).ifPresentOrElse(token -> {
            response.onNext(info(token));
            response.onCompleted();
        }, () -> response.onError(GrpcErrors.notFound("no token with id '" + request.getId() + "'")));
    }

    private static TokenInfo info(SenderToken token) {
        TokenInfo.Builder info = TokenInfo.newBuilder()
                .setId(token.id())
                .setSender(token.sender().name())
                .addAllRegions(token.sender().regions().stream().sorted().toList())
                .setAdmin(token.sender().admin())
                .setCreatedAt(timestamp(token.createdAt()));
        token.revokedAt().ifPresent(revoked -> info.setRevokedAt(timestamp(revoked)));
        return info.build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
