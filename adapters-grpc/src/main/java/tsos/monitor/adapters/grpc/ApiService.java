package tsos.monitor.adapters.grpc;

import io.grpc.BindableService;

/**
 * A service of the public API. Its endpoint is a bean of this type only, never a {@link BindableService} bean, so
 * that it is registered once, the way {@link RequestParsing} registers it.
 */
interface ApiService extends BindableService {
}
