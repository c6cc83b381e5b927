package io.serai.routes.files;

import java.util.Objects;

/** Where a message came from: the account, folder, and its UIDVALIDITY+UID, which name its archive directory. */
record MessageRef(String account, String folder, long uidValidity, long uid) {

    MessageRef {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(folder, "folder");
    }

    /** The directory name: stable for the message, so a redelivered message replaces its earlier copy. */
    String directoryName() {
        return uidValidity + "-" + uid;
    }
}
