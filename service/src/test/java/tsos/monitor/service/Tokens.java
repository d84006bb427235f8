package tsos.monitor.service;

import java.util.Set;
import tsos.monitor.application.SenderAuthentication;
import tsos.monitor.domain.sender.Sender;

/** Sender tokens for the tests, issued in-process as the token command would through the API. */
final class Tokens {

    private Tokens() {
    }

    static String admin(ServiceRuntime service) {
        return issue(service, Sender.admin("tests"));
    }

    static String forRegions(ServiceRuntime service, String name, String... regions) {
        return issue(service, Sender.forRegions(name, Set.of(regions)));
    }

    static SenderAuthentication.IssuedToken issued(ServiceRuntime service, Sender sender) {
        return service.context().getBean(SenderAuthentication.class).issue(sender);
    }

    private static String issue(ServiceRuntime service, Sender sender) {
        return issued(service, sender).text();
    }
}
