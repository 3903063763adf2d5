package fr.dispostock.domain.mail;

/**
 * Who has been sent what (port): a reminder run claims each recipient before sending, so that a
 * schedule delivered twice (EventBridge delivers at least once) mails no one twice.
 */
public interface SentLog {
    /** True if this recipient had not been claimed for this run; false if it was, by this run or its duplicate. */
    boolean claim(String run, String recipient);

    /** Gives the recipient back when the mail could not be sent, so that a retry of the run sends it. */
    void release(String run, String recipient);
}
