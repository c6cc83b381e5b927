package io.serai.store.karaf.command;

import java.io.IOException;
import java.util.Arrays;

import org.apache.karaf.shell.api.console.Session;

/** Gets a password from an option or, interactively, typed twice without echo. */
final class Passwords {

    private Passwords() {
    }

    static char[] obtain(Session session, String given) throws IOException {
        if (given != null) {
            if (given.isEmpty()) {
                throw new IllegalArgumentException("The password must not be empty");
            }
            return given.toCharArray();
        }
        if (session == null) {
            throw new IllegalArgumentException("No terminal to ask for the password: give it with --password");
        }
        String first = session.readLine("Password: ", '*');
        String second = session.readLine("Again: ", '*');
        if (first == null || first.isEmpty()) {
            throw new IllegalArgumentException("The password must not be empty");
        }
        if (!first.equals(second)) {
            throw new IllegalArgumentException("The passwords differ");
        }
        char[] chars = first.toCharArray();
        Arrays.fill(second.toCharArray(), (char) 0);
        return chars;
    }
}
