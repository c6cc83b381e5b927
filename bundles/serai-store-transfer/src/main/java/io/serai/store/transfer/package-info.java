/**
 * Import and export of Maildir (Dovecot's Maildir++ layout) and mbox (mboxrd) into and out of a mailbox store,
 * for users moving from Dovecot/Postfix, mutt or Thunderbird. Plain Java on {@code io.serai.store.api}; the
 * Karaf shell commands call {@link io.serai.store.transfer.MaildirImporter},
 * {@link io.serai.store.transfer.MaildirExporter}, {@link io.serai.store.transfer.MboxImporter} and
 * {@link io.serai.store.transfer.MboxExporter}, each configured by
 * {@link io.serai.store.transfer.TransferOptions} and answering with a
 * {@link io.serai.store.transfer.TransferResult}.
 *
 * <p>What changes on the way, on purpose:
 * <ul>
 *   <li>Line ends: the store keeps CRLF (RFC 5322). Import turns every bare LF into CRLF and leaves CRLF
 *       alone; export writes LF unless {@link io.serai.store.transfer.LineEnding#CRLF} is asked for.</li>
 *   <li>mbox status headers ({@code Status}, {@code X-Status}, {@code X-Keywords}, and Dovecot's
 *       {@code X-UID}, {@code X-IMAP}, {@code X-IMAPbase}) become flags and are removed from the stored bytes,
 *       as Dovecot's mbox driver hides them; export writes {@code Status}/{@code X-Status}/{@code X-Keywords}
 *       again from the flags, last in the header.</li>
 *   <li>mbox cannot hold a message without a final line end: export adds one.</li>
 *   <li>The store keeps no envelope sender: the mbox From line is written from {@code Return-Path}, or
 *       {@code MAILER-DAEMON}.</li>
 *   <li>Keywords are lower case in the store (it compares them case-insensitively). Maildir's "passed" flag
 *       {@code P} is the keyword {@code $Forwarded}.</li>
 * </ul>
 *
 * <p>What is reported in {@link io.serai.store.transfer.TransferResult#skipped()} instead of transferred:
 * unreadable files, messages over the size limit, folder names that are not valid Maildir++ or modified UTF-7,
 * files that are not mbox, mailbox names Maildir++ cannot write (a {@code .} inside a level), and keywords past
 * the 26 a Dovecot Maildir folder can hold. A failing store (quota, disk full) stops the run with its exception;
 * what was appended before stays. Importing twice appends twice: there is no duplicate detection.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.transfer;
