package fr.dispostock.domain.mail;

/** Where mail goes (port): Amazon SES in AWS, the outbox of the local platform locally. */
public interface Mailer {
    /** @return the message id the mail service gave it */
    String send(Mail mail);
}
