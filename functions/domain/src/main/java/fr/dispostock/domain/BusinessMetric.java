package fr.dispostock.domain;

/**
 * What operations count of the business, each where it happens and once per event (a retried request
 * that changes nothing counts nothing). The names are those of the CloudWatch metrics the dashboard and
 * alarms read (namespace {@code Dispostock}, dimension {@code service}).
 */
public enum BusinessMetric {
    DECLARATIONS_RECEIVED("DeclarationsReceived"),
    DECLARATIONS_LATE("DeclarationsLate"),
    DECLARATIONS_REJECTED("DeclarationsRejected"),
    LOTS_DECLARED("LotsDeclared"),
    ORDERS_PLACED("OrdersPlaced"),
    ORDERS_APPROVED("OrdersApproved"),
    ORDERS_REJECTED("OrdersRejected"),
    ORDERS_SHIPPED("OrdersShipped"),
    ORDERS_CANCELLED("OrdersCancelled"),
    MAILS_SENT("MailsSent"),
    MAILS_FAILED("MailsFailed"),
    MAILS_BOUNCED("MailsBounced"),
    MAILS_COMPLAINED("MailsComplained"),
    MAILS_SUPPRESSED("MailsSuppressed");

    private final String metricName;

    BusinessMetric(String metricName) {
        this.metricName = metricName;
    }

    /** The CloudWatch metric's name. */
    public String metricName() {
        return metricName;
    }

    /** Where the business events are counted (port; the platform writes them as CloudWatch metrics). */
    public interface Counter {
        /** Counts {@code count} events (nothing when 0). */
        void count(BusinessMetric metric, long count);

        default void count(BusinessMetric metric) {
            count(metric, 1);
        }
    }
}
