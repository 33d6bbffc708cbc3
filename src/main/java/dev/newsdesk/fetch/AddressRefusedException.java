package dev.newsdesk.fetch;

import java.net.UnknownHostException;

/**
 * A host that resolves to, or an address that is, one the fetcher must not reach. An {@link
 * UnknownHostException} so it can leave OkHttp's {@code Dns} hook; the fetcher reports it as {@link
 * FetchException.Kind#ADDRESS_NOT_ALLOWED}.
 */
final class AddressRefusedException extends UnknownHostException {

  AddressRefusedException(String message) {
    super(message);
  }
}
