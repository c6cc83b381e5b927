package io.serai.store.api.search;

import io.serai.store.api.SystemFlag;

/** SEEN/UNSEEN, DELETED/UNDELETED and the other system flag keys. */
public record FlagKey(SystemFlag flag, boolean set) implements SearchKey {
}
