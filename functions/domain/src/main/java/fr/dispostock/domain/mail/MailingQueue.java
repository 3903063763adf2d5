package fr.dispostock.domain.mail;

/**
 * Gets a mailing's sending going in the background (or going on, after an invocation ran out of
 * time): a kick item in the MailTable whose stream invokes the sender function in AWS, a thread on
 * the local platform.
 */
public interface MailingQueue {
    void kick(MailingId id);
}
