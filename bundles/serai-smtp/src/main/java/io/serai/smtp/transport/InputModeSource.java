package io.serai.smtp.transport;

import io.serai.smtp.protocol.InputMode;

/** Tells the framer how to frame the next input; the session handler implements it. */
interface InputModeSource {

    InputMode inputMode();
}
