package fr.dispostock.local;

import fr.dispostock.domain.Region;
import fr.dispostock.domain.register.Establishment;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The local identity platform's sign-in page (HTML, no script), styled with the portal's DSFR copy. */
final class SignInPage {
    private static final Map<String, String> ROLES = new java.util.LinkedHashMap<>();

    static {
        ROLES.put("PHARMACIST", "Pharmacien de PUI");
        ROLES.put("ARS", "Agence régionale de santé (ARS)");
        ROLES.put("OMEDIT", "OMEDIT");
        ROLES.put("NATIONAL", "Opérateur national");
        ROLES.put("SUPPLIER", "Fournisseur (Santé publique France)");
    }

    private SignInPage() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String shell(String body) {
        return """
                <!doctype html>
                <html lang="fr">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Connexion (environnement local) - Dispostock</title>
                  <link rel="stylesheet" href="/dsfr/dsfr.min.css">
                </head>
                <body>
                <div class="fr-notice fr-notice--warning">
                  <div class="fr-container"><div class="fr-notice__body">
                    <p class="fr-notice__title">Environnement local uniquement : cette page simule la plateforme d’identité.
                      Elle n’existe pas dans Dispostock déployé.</p>
                  </div></div>
                </div>
                <main id="contenu" class="fr-container fr-my-6w">
                """ + body + """
                </main>
                </body>
                </html>
                """;
    }

    static String refused(String why) {
        return shell("<h1>Demande de connexion refusée</h1><div class=\"fr-alert fr-alert--error\"><p>"
                + escape(why) + "</p></div>");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    static String render(LocalIdentityProvider.SignInForm f, List<Establishment> found, List<String> problems) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Connexion à Dispostock (environnement local)</h1>");
        b.append("<p>Choisissez le compte à simuler : un rôle, puis l’établissement d’un pharmacien ou la région d’une ARS ou d’un OMEDIT.</p>");
        b.append("<form method=\"post\" action=\"/local/oidc/authorize\">");
        if (!problems.isEmpty()) {
            b.append("<div class=\"fr-alert fr-alert--error fr-mb-4w\" role=\"alert\"><h2 class=\"fr-alert__title\">La connexion n’a pas abouti</h2><ul>")
                    .append(problems.stream().map(p -> "<li>" + escape(p) + "</li>").collect(Collectors.joining()))
                    .append("</ul></div>");
        }
        b.append(hidden("response_type", f.responseType())).append(hidden("client_id", f.clientId()))
                .append(hidden("redirect_uri", f.redirectUri())).append(hidden("state", f.state()))
                .append(hidden("code_challenge", f.codeChallenge()))
                .append(hidden("code_challenge_method", f.codeChallengeMethod())).append(hidden("scope", f.scope()));

        b.append("<fieldset class=\"fr-fieldset\" id=\"roles\"><legend class=\"fr-fieldset__legend\">Rôle</legend>");
        ROLES.forEach((code, label) -> b.append("<div class=\"fr-fieldset__element\"><div class=\"fr-radio-group\">")
                .append("<input type=\"radio\" id=\"role-").append(code).append("\" name=\"role\" value=\"").append(code).append('"')
                .append(code.equals(f.role()) ? " checked" : "").append(">")
                .append("<label class=\"fr-label\" for=\"role-").append(code).append("\">").append(escape(label)).append("</label></div></div>"));
        b.append("</fieldset>");

        b.append("<div class=\"fr-input-group\"><label class=\"fr-label\" for=\"email\">Adresse e-mail du compte</label>")
                .append("<input class=\"fr-input\" type=\"email\" id=\"email\" name=\"email\" value=\"").append(escape(f.email())).append("\"></div>");

        b.append("<h2 class=\"fr-h4\">Établissement (pharmacien)</h2>");
        b.append("<div class=\"fr-input-group\"><label class=\"fr-label\" for=\"recherche\">Rechercher un établissement")
                .append("<span class=\"fr-hint-text\">Nom ou début du FINESS juridique</span></label>")
                .append("<input class=\"fr-input\" type=\"search\" id=\"recherche\" name=\"recherche\" value=\"").append(escape(f.recherche())).append("\"></div>")
                .append("<button class=\"fr-btn fr-btn--secondary fr-mb-3w\" type=\"submit\" name=\"action\" value=\"rechercher\">Rechercher</button>");
        if (!f.recherche().isBlank()) {
            b.append("<fieldset class=\"fr-fieldset\" id=\"etablissements\"><legend class=\"fr-fieldset__legend\">")
                    .append(found.isEmpty() ? "Aucun établissement trouvé" : "Établissements trouvés").append("</legend>");
            for (Establishment e : found) {
                String id = "ej-" + e.finessEj().value();
                b.append("<div class=\"fr-fieldset__element\"><div class=\"fr-radio-group\">")
                        .append("<input type=\"radio\" id=\"").append(id).append("\" name=\"finessEj\" value=\"").append(e.finessEj().value()).append('"')
                        .append(e.finessEj().value().equals(f.finessEj()) || found.size() == 1 ? " checked" : "").append(">")
                        .append("<label class=\"fr-label\" for=\"").append(id).append("\">").append(escape(e.name()))
                        .append(" — FINESS ").append(e.finessEj().value()).append(" — ").append(escape(e.region().name()))
                        .append("</label></div></div>");
            }
            b.append("</fieldset>");
        }

        b.append("<h2 class=\"fr-h4\">Région (ARS, OMEDIT)</h2>");
        b.append("<div class=\"fr-select-group\"><label class=\"fr-label\" for=\"region\">Région</label>")
                .append("<select class=\"fr-select\" id=\"region\" name=\"region\"><option value=\"\">—</option>");
        for (Region r : Region.all()) {
            b.append("<option value=\"").append(r.code()).append('"').append(r.code().equals(f.region()) ? " selected" : "")
                    .append(">").append(escape(r.name())).append(" (").append(r.code()).append(")</option>");
        }
        b.append("</select></div>");
        b.append("<button class=\"fr-btn fr-mt-4w\" type=\"submit\" name=\"action\" value=\"connexion\" id=\"se-connecter\">Se connecter</button>");
        b.append("</form>");
        return shell(b.toString());
    }
}
