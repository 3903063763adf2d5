package fr.dispostock.domain.declaration;

/**
 * Where weekly declarations are kept (port of the declarations function, which alone writes them). A
 * declaration, or a correction with the figures it replaces, is written in one atomic write: no reader
 * ever sees part of it, and nothing is lost.
 */
public interface DeclarationStore extends DeclarationReader {

    /**
     * Writes {@code next} if the week is still as {@code previous} was read ({@code previous} null:
     * not declared yet), and keeps {@code previous}'s figures as an earlier revision in the same
     * write; false when someone declared meanwhile.
     */
    boolean save(Declaration previous, Declaration next);
}
