// The API words its messages in English (they are its contract with hospital software); pharmacists
// and authorities read them in French. Every validation message the routes of their screens can
// answer (PUI, declaration and its CSV, lots, orders; establishments and the FINESS import's reasons,
// medicines, instructions, review, shipment, completeness, campaigns) has its French here; one we do not know
// (a newer API) is never shown in English: it becomes a French sentence asking to check the value.
// The API's `detail` of other failures (refused, not found, conflict…) is shown only when translated
// here: otherwise the screen's own French message says what happened.
const NUMBER = new Intl.NumberFormat('fr-FR');
const number = (digits) => NUMBER.format(Number(digits));
const DAYS = { monday: 'lundi', tuesday: 'mardi', wednesday: 'mercredi', thursday: 'jeudi', friday: 'vendredi', saturday: 'samedi', sunday: 'dimanche' };
const STATUSES = {
  SUBMITTED: 'envoyée', APPROVED: 'acceptée', PARTIALLY_APPROVED: 'acceptée en partie', REJECTED: 'refusée',
  SHIPPED: 'expédiée', CANCELLED: 'annulée',
};
const CAMPAIGNS = { PREPARING: 'en préparation', DRAFT: 'un brouillon', SENDING: 'en cours d’envoi', SENT: 'déjà envoyée' };
const AUDIENCES = { REGION: 'une région', NON_DECLARERS: 'les non-déclarants d’une semaine', ALL: 'toutes les PUI' };
const OUTSIDE = { Establishment: 'L’établissement', Region: 'La région', Order: 'La commande', PUI: 'La PUI', Campaign: 'La campagne' };
const day = (iso) => iso.split('-').reverse().join('/');
/** '50 de 2026' of '2026-W50' */
const week = (iso) => `${Number(iso.slice(iso.indexOf('-W') + 2))} de ${iso.slice(0, iso.indexOf('-W'))}`;

const UNKNOWN = 'n’est pas acceptée par Dispostock : vérifiez cette valeur';

/** [pattern of the API's message, its French]: the message of one field (a JSON pointer). */
const FIELD_MESSAGES = [
  // every route
  [/^is required$/, () => 'est obligatoire'],
  [/^is empty$/, () => 'est vide'],
  [/^must be at most (\d+) characters$/, (m) => `a au plus ${number(m[1])} caractères`],
  [/^must not contain the invisible or control character U\+([0-9A-F]{4}) \(at character (\d+)\)$/,
    (m) => `contient un caractère invisible ou de contrôle (U+${m[1]}, au caractère ${m[2]}) : retapez ce texte`],
  [/^(\w+) must not contain the invisible or control character U\+([0-9A-F]{4}) \(at character (\d+)\)$/,
    (m) => `la colonne ${m[1]} contient un caractère invisible ou de contrôle (U+${m[2]}, au caractère ${m[3]})`],
  [/^must be a whole number of units from (\d+) to (\d+)$/, (m) => `doit être un nombre entier d’unités, de ${number(m[1])} à ${number(m[2])}`],
  [/^must be a number from (\d+) to (\d+)$/, (m) => `doit être un nombre de ${number(m[1])} à ${number(m[2])}`],
  [/^must have at most (\d+) decimals$/, (m) => `a au plus ${m[1]} décimales`],
  [/^'' is not a number$/, () => 'est vide : saisissez 0 pour un zéro, ou retirez la ligne d’un médicament non déclaré'],
  [/^'(.*)' is not a number$/, (m) => `« ${m[1]} » n’est pas un nombre`],
  [/^is too long for a number \((\d+) characters\)$/, (m) => `est trop long pour un nombre (${number(m[1])} caractères)`],
  [/^must be a date such as .*$/, () => 'doit être une date (jour, mois, année)'],
  [/^must be a date from (\S+) to (\S+)$/, (m) => `doit être une date du ${day(m[1])} au ${day(m[2])}`],
  [/^must be a Thursday .*$/, () => 'doit être un jeudi (le jour où les lots sont déclarés)'],
  [/^week (\S+) must be written like .*$/, (m) => `la semaine ${m[1]} n’existe pas (attendu : année-W numéro, par exemple 2026-W48)`],
  [/^week (\S+) does not exist: (\d+) has ISO weeks 1 to (\d+)$/, (m) => `la semaine ${week(m[1])} n’existe pas : ${m[2]} compte ${m[3]} semaines`],
  [/^week year (\d+) is out of range.*$/, (m) => `l’année ${m[1]} est hors de la période de Dispostock (2000 à 2999)`],
  [/^Required Body .* not specified$/, () => 'le fichier ou le formulaire envoyé est vide'],
  [/^must be the version read, e\.g\. .*$/, () => 'la version de la fiche lue manque : rechargez la page'],
  [/^must be a whole number between 1 and (\d+)$/, (m) => `doit être un nombre entier de 1 à ${number(m[1])}`],
  [/^is not a cursor this route gave.*$/, () => 'la suite de l’historique demandée n’existe pas : rechargez la page'],
  [/^the body is not .*$/, () => 'le contenu envoyé n’a pas pu être lu : rechargez la page puis recommencez'],
  // FINESS numbers
  [/^a FINESS number is required$/, () => 'le numéro FINESS est obligatoire'],
  [/^FINESS (\S+) has \d+ .*$/, (m) => `le numéro FINESS ${m[1]} n’a pas 9 caractères`],
  [/^FINESS (\S+) fails its check digit.*$/, (m) => `le numéro FINESS ${m[1]} est erroné (clé de contrôle)`],
  [/^FINESS (\S+) may only contain digits.*$/, (m) => `le numéro FINESS ${m[1]} ne doit contenir que des chiffres (ou commencer par 2A ou 2B en Corse)`],
  [/^FINESS (\S+) does not belong to any of the 101 départements.*$/, (m) => `le numéro FINESS ${m[1]} ne correspond à aucun département`],
  [/^FINESS (\S+) .*$/, (m) => `le numéro FINESS ${m[1]} n’est pas valide`],
  // the PUI's card
  [/^must be the FINESS in the path \((\S+)\) or absent$/, (m) => `doit être le FINESS de la PUI (${m[1]})`],
  [/^a PUI stays with its establishment \((\S+)\)$/, (m) => `une PUI reste rattachée à son établissement (${m[1]})`],
  [/^must be an e-mail address such as .*$/, () => 'doit être une adresse e-mail, par exemple pharmacie@chu-exemple.fr'],
  [/^must be a phone number .*$/, () => 'doit être un numéro de téléphone (chiffres, espaces, +)'],
  [/^(\S+) is not a site of establishment (\S+) .*$/, (m) => `${m[1]} n’est pas un site de l’établissement ${m[2]} dans le répertoire FINESS : l’ARS doit d’abord l’ajouter`],
  [/^establishment (\S+) is closed$/, (m) => `l’établissement ${m[1]} est fermé`],
  [/^is required: the State stock is delivered there$/, () => 'l’adresse de livraison est obligatoire : le stock de l’État y est livré'],
  [/^must be a French postal code of 5 digits$/, () => 'doit être un code postal de 5 chiffres'],
  // the week's declaration, by grid or CSV
  [/^week (\S+) has not started yet.*$/, (m) => `la semaine ${week(m[1])} n’a pas encore commencé`],
  [/^establishment (\S+) is closed: its PUIs no longer declare$/, (m) => `l’établissement ${m[1]} est fermé : ses PUI ne déclarent plus`],
  [/^at least one line is required; a zero stock is declared as 0$/, () => 'au moins une ligne est attendue ; un stock nul se déclare 0'],
  [/^is required; a zero stock is declared as 0$/, () => 'est obligatoire ; un stock nul se déclare 0'],
  [/^is required; declare 0 when nothing is consumed$/, () => 'est obligatoire ; déclarez 0 si rien n’est consommé'],
  [/^item (.+) is not one this PUI declares this week$/, (m) => `le médicament ${m[1]} n’est pas attendu de cette PUI cette semaine`],
  [/^item (.+) is declared twice.*$/, (m) => `le médicament ${m[1]} est déclaré deux fois`],
  [/^the file is empty.*$/, () => 'le fichier est vide : la première ligne doit être l’en-tête itemId;stock;averageDailyConsumption'],
  [/^missing column (\S+)$/, (m) => `la colonne ${m[1]} manque dans l’en-tête`],
  // the week's declaration as an xlsx workbook (a cell's message comes after its sheet, row and column)
  [/^sheet '(.+)', row (\d+), column ([A-Z]+): (.+)$/, (m) => `feuille « ${m[1]} », ligne ${m[2]}, colonne ${m[3]} : ${inFrench(m[4])}`],
  [/^sheet '(.+)', row (\d+): (.+)$/, (m) => `feuille « ${m[1]} », ligne ${m[2]} : ${inFrench(m[3])}`],
  [/^sheet '(.+)' is missing: .*$/, (m) => `la feuille « ${m[1]} » manque : déposez le classeur téléchargé sur cette page, rempli`],
  [/^sheet '(.+)' has no row of titles .*$/, (m) => `la feuille « ${m[1]} » n’a plus sa ligne de titres (itemId, stock…) : repartez du classeur téléchargé sur cette page`],
  [/^the file is the template of PUI (\S+), not of PUI (\S+) .*$/, (m) => (m[1] === 'none'
    ? `le classeur ne dit pas sa PUI (cellule B1) : repartez du classeur téléchargé pour la PUI ${m[2]}`
    : `ce classeur est celui de la PUI ${m[1]}, pas de la PUI ${m[2]} (cellule B1)`)],
  [/^the file is the template of week (\S+), not of week (\S+) .*$/, (m) => (m[1] === 'none'
    ? `le classeur ne dit pas sa semaine (cellule B2) : repartez du classeur téléchargé pour la semaine ${week(m[2])}`
    : `ce classeur est celui de la semaine ${/-W\d\d$/.test(m[1]) ? week(m[1]) : m[1]}, pas de la semaine ${week(m[2])} (cellule B2)`)],
  [/^more than (\d+) items filled in.*$/, (m) => `plus de ${number(m[1])} médicaments remplis : une déclaration en compte ${number(m[1])} au plus`],
  [/^no file was sent.*$/, () => 'aucun fichier n’a été envoyé : choisissez le classeur rempli'],
  [/^the file weighs (\d+) bytes, more than the (\d+) .*$/, (m) => `le fichier pèse ${number(m[1])} octets, plus que les ${number(m[2])} permis : déposez le classeur téléchargé sur cette page`],
  [/^the file is an \.xls workbook.*$/, () => 'ce classeur est au format .xls (Excel 97-2003) : enregistrez-le au format .xlsx'],
  [/^the file is not a readable xlsx workbook.*$/, () => 'ce fichier n’est pas un classeur xlsx lisible : enregistrez-le à nouveau au format .xlsx (Excel, LibreOffice)'],
  [/^the file unpacks to more than .*$/, () => 'ce fichier n’est pas un classeur de déclaration (il est bien trop gros une fois décompressé)'],
  [/^must be csv or xlsx$/, () => 'doit être csv ou xlsx'],
  // Thursday's lots
  [/^(\S+) is a (\w+); State-stock lots are declared for a Thursday$/, (m) => `le ${day(m[1])} est un ${DAYS[m[2]] ?? m[2]} : les lots se déclarent pour un jeudi`],
  [/^(\d{4}-\d{2}-\d{2}) is still to come$/, (m) => `le ${day(m[1])} n’est pas encore arrivé`],
  [/^at least one lot is required.*$/, () => 'au moins un lot est attendu ; un lot épuisé se déclare avec la quantité 0'],
  [/^must be a vaccine or antiviral of the State-stock catalogue$/, () => 'doit être un vaccin ou un antiviral du catalogue'],
  [/^lot (.+) expired on (\S+): declare it with .*$/, (m) => `le lot ${m[1]} est périmé depuis le ${day(m[2])} : cochez « périmé » pour qu’il soit repris`],
  [/^lot (.+) expires on (\S+), after (\S+)$/, (m) => `le lot ${m[1]} périme le ${day(m[2])}, après le ${day(m[3])} : il n’est pas périmé`],
  [/^lot (.+) of (.+) is declared twice.*$/, (m) => `le lot ${m[1]} de ${m[2]} est déclaré deux fois`],
  // orders
  [/^the header is required: .*$/, () => 'la commande n’a pas pu être identifiée : rechargez la page puis recommencez'],
  [/^this key already placed order (\S+) with other lines.*$/, (m) => `ce formulaire a déjà passé la commande ${m[1]}, avec d’autres quantités`],
  [/^at least one product is ordered$/, () => 'commandez au moins un produit'],
  [/^is not a product of the State-stock catalogue$/, () => 'n’est pas un produit du catalogue du stock de l’État'],
  [/^(\S+) can no longer be ordered$/, (m) => `${m[1]} ne peut plus être commandé`],
  [/^must be whole packs of (\d+) .*$/, (m) => `doit être un nombre entier de boîtes (de ${number(m[1])} chacune)`],
  [/^(\S+) is ordered twice$/, (m) => `${m[1]} est commandé deux fois`],
  // the authorities' screens: order review and shipment, medicines, instructions
  [/^is required when less than ordered is approved$/, () => 'est obligatoire quand vous approuvez moins que la quantité commandée'],
  [/^cannot exceed the (\d+) ordered$/, (m) => `ne peut dépasser les ${number(m[1])} unités commandées`],
  [/^more (.+) than the (\d+) approved$/, (m) => `plus de ${m[1]} que les ${number(m[2])} unités approuvées`],
  [/^must be more than 0$/, () => 'doit être supérieure à 0'],
  [/^lot (.+) expired on (\S+), before it was shipped$/, (m) => `le lot ${m[1]} était périmé (${day(m[2])}) avant son expédition`],
  [/^is still to come$/, () => 'ne peut pas être dans le futur'],
  [/^must not be before (trackingStart|validFrom)$/, () => 'ne peut pas précéder la date de début'],
  [/^UCD (\S+) is already tracked in item (.+)$/, (m) => `le code UCD ${m[1]} est déjà suivi dans ${m[2]}`],
  [/^a UCD code is required$/, () => 'un code UCD est obligatoire'],
  [/^at least one UCD code is required$/, () => 'au moins un code UCD est obligatoire'],
  [/^UCD (\S+) is not a UCD code: .*$/, (m) => `${m[1]} n’est pas un code UCD : 7 chiffres (UCD7), 13 chiffres commençant par 34008 (UCD13) ou 13 caractères commençant par 000000 (forme SNDS)`],
  [/^UCD (\S+) is not a UCD13: .*$/, (m) => `${m[1]} n’est pas un UCD13 : un UCD13 commence par 34008`],
  [/^UCD (\S+) fails its EAN-13 check digit \(expected (\d), found \d\)$/, (m) => `le code UCD ${m[1]} est erroné : la clé de contrôle (dernier chiffre) devrait être ${m[2]}`],
  [/^UCD (\S+) is listed twice.*$/, (m) => `le code UCD ${m[1]} est saisi deux fois`],
  [/^a CIS code is required$/, () => 'un code CIS est obligatoire'],
  [/^CIS (\S+) is not a CIS code: .*$/, (m) => `${m[1]} n’est pas un code CIS : la base de données publique des médicaments numérote une spécialité sur 8 chiffres`],
  [/^CIS (\S+) is listed twice.*$/, (m) => `le code CIS ${m[1]} est saisi deux fois`],
  [/^at most (\d+) CIS codes per item.*$/, (m) => `au plus ${number(m[1])} codes CIS par médicament`],
  [/^must be the item id in the path \((.+)\) or absent$/, (m) => `doit être l’identifiant du médicament (${m[1]})`],
  [/^is required: NATIONAL or REGIONAL$/, () => 'est obligatoire : national ou régional'],
  [/^must be NATIONAL or REGIONAL$/, () => 'doit être national ou régional'],
  [/^a regional item names at least one region$/, () => 'un médicament régional indique au moins une région'],
  [/^unknown region code (\S+);.*$/, (m) => `la région ${m[1]} n’existe pas (code INSEE de la région, par exemple 84)`],
  [/^unknown département code (\S+);.*$/, (m) => `le département ${m[1]} n’existe pas`],
  [/^must be OPEN or CLOSED$/, () => 'doit être ouvert ou fermé'],
  [/^must be ([A-Z_]+(?:, [A-Z_]+)* or [A-Z_]+)$/, (m) => {
    const values = m[1].split(/, | or /);
    return values.every((v) => v in STATUSES)
      ? `doit être l’un des états : ${values.map((v) => STATUSES[v]).join(', ')}`
      : `doit être l’une des valeurs : ${values.join(', ')}`;
  }],
  [/^line (.+) of the order is not reviewed$/, (m) => `la ligne ${m[1]} de la commande n’est pas régulée : indiquez la quantité approuvée`],
  [/^is not a line of order (\S+)$/, (m) => `n’est pas une ligne de la commande ${m[1]}`],
  [/^was not approved in order (\S+)$/, (m) => `n’a pas été approuvé dans la commande ${m[1]}`],
  [/^at least one lot is shipped$/, () => 'au moins un lot est expédié'],
  // completeness, campaigns, reminder runs
  [/^must be puis, departement or region$/, () => 'doit être par PUI, par département ou par région'],
  [/^must be ALL, REGION or NON_DECLARERS$/, () => 'doit être toutes les PUI, une région ou les non-déclarants d’une semaine'],
  [/^is required for a (\w+) audience$/, (m) => `est obligatoire pour écrire à ${AUDIENCES[m[1]] ?? m[1]}`],
  // the insights' indicators and disparities
  [/^must not be before from \((\S+)\)$/, (m) => `ne peut pas précéder la première semaine (semaine ${week(m[1])})`],
  [/^the period is at most (\d+) weeks; from (\S+) to (\S+) is (\d+)$/,
    (m) => `la période compte au plus ${number(m[1])} semaines ; de la semaine ${week(m[2])} à la semaine ${week(m[3])}, il y en a ${number(m[4])}`],
  [/^must be json or csv$/, () => 'doit être json ou csv'],
  [/^Text '(.*)' could not be parsed.*$/, (m) => `« ${m[1]} » n’est pas une date lisible (par exemple 2026-11-23)`],
  // the FINESS import, line by line
  [/^nofinesset (\S+) already appears at line (\d+)$/, (m) => `le FINESS géographique ${m[1]} figure déjà à la ligne ${number(m[2])}`],
  [/^a row of region (\S+): an ARS imports the rows of its own region only$/, (m) => `ligne de la région ${m[1]} : une ARS n’importe que les lignes de sa région`],
  [/^code_region (\S+) does not match département (\S+) \(region (\S+)\)$/, (m) => `le code région ${m[1]} ne correspond pas au département ${m[2]} (région ${m[3]})`],
  [/^nofinesset (\S+) belongs to département (\S+), not (\S+)$/, (m) => `le FINESS géographique ${m[1]} est du département ${m[2]}, pas du ${m[3]}`],
  [/^nofinessej (\S+) is a legal entity of region (\S+) \(département (\S+)\) not yet registered.*$/,
    (m) => `l’entité juridique ${m[1]} (région ${m[2]}, département ${m[3]}) n’est pas encore enregistrée : l’ARS de la région ${m[2]} ou l’opérateur national l’enregistre d’abord`],
  [/^(latitude|longitude) (\S+) is not between (\S+) and (\S+) degrees \(WGS84\)$/, (m) => `${m[1]} ${m[2]} hors de ${m[3]} à ${m[4]} degrés (WGS84)`],
  [/^latitude and longitude go together: both or neither$/, () => 'latitude et longitude vont ensemble : les deux ou aucune'],
  [/^(\S+) is not a number of degrees$/, (m) => `« ${m[1]} » n’est pas un nombre de degrés (par exemple 46.222745)`],
  [/^(\w+): \1 is empty$/, (m) => `la colonne ${m[1]} est vide`],
  [/^(\w+) is empty$/, (m) => `la colonne ${m[1]} est vide`],
  // a column's message, prefixed by its name: the message in French, after the column
  [/^(\w+): (.+)$/, (m) => (inFrench(m[2]) === UNKNOWN ? UNKNOWN : `colonne ${m[1]} : ${inFrench(m[2])}`)],
];

/** [pattern of the API's detail of a failure, its French]. */
const DETAILS = [
  [/^(\S+) (\S+) is at version \d+, not \d+: someone changed it since you read it\.$/, () => 'Quelqu’un a modifié ces informations depuis que vous les avez ouvertes : rechargez la page.'],
  [/^Order (\S+) is (\w+): it can no longer be \w+\.$/, (m) => `La commande ${m[1]} est ${STATUSES[m[2]] ?? m[2]} : cette action n’est plus possible. Rechargez la page.`],
  [/^Order (\S+) was changed by someone else meanwhile.*$/, (m) => `La commande ${m[1]} a été modifiée entre-temps : rechargez la page.`],
  [/^.* keep arriving at once; retry\.$/, () => 'Plusieurs envois sont arrivés en même temps : réessayez.'],
  [/^It was (changed|created) by someone else meanwhile.*$/, () => 'Quelqu’un d’autre a modifié ces informations entre-temps : rechargez la page.'],
  [/^No PUI (\S+) in the register\.$/, (m) => `La PUI ${m[1]} n’est pas dans le répertoire.`],
  [/^No account has this address\.$/, () => 'Aucun compte n’a cette adresse, et elle n’a jamais été effacée.'],
  [/^No erasure of this address is recorded.*$/, () => 'L’effacement de cette adresse n’est pas enregistré : recommencez depuis le début.'],
  [/^No order (\S+)\.$/, (m) => `La commande ${m[1]} n’existe pas.`],
  // the authorities' screens: what is not there, what is not theirs, what is no longer possible
  [/^No establishment (\S+) in the register\.$/, (m) => `L’établissement ${m[1]} n’est pas dans le répertoire.`],
  [/^No tracked item (.+)\.$/, (m) => `Le médicament ${m[1]} n’est pas suivi dans Dispostock.`],
  [/^No instruction (.+)\.$/, (m) => `La consigne ${m[1]} n’existe pas.`],
  [/^No campaign (.+)\.$/, (m) => `La campagne ${m[1]} n’existe pas.`],
  [/^No insights computed yet.*$/, () => 'Aucune analyse n’a encore été calculée : la première suit les déclarations du lundi.'],
  [/^PUI (\S+) has no assessment of item (\S+) for week (\S+) .*$/, (m) => `La PUI ${m[1]} n’a pas déclaré le médicament ${m[2]} la semaine ${week(m[3])}.`],
  [/^PUI (\S+) has no coordinates in the FINESS register.*$/, (m) => `Le site de la PUI ${m[1]} n’a pas de coordonnées dans FINESS : ses voisines ne peuvent pas être classées par distance.`],
  [/^PUI (\S+) has not declared week (\S+)\.$/, (m) => `La PUI ${m[1]} n’a pas déclaré la semaine ${week(m[2])}.`],
  [/^Establishment (\S+) \(region (\S+)\) is outside your scope\.$/, (m) => `L’établissement ${m[1]} (région ${m[2]}) n’est pas de votre ressort.`],
  [/^(Establishment|Region|Order|PUI|Campaign) (\S+) is outside your scope\.$/, (m) => `${OUTSIDE[m[1]]} ${m[2]} n’est pas de votre ressort.`],
  [/^Only the pharmacists of establishment (\S+) (declare|order) for its PUIs\.$/,
    (m) => `Seuls les pharmaciens de l’établissement ${m[1]} ${m[2] === 'order' ? 'commandent' : 'déclarent'} pour ses PUI.`],
  [/^Only the ARS of region (\S+) or the national operator may change this\.$/, (m) => `Seuls l’ARS de la région ${m[1]} et l’opérateur national peuvent faire cette modification.`],
  [/^Only the ARS of region (\S+) reviews this order\.$/, (m) => `Seule l’ARS de la région ${m[1]} régule cette commande.`],
  [/^Only the national operator may do this\.$/, () => 'Seul l’opérateur national peut faire cette action.'],
  [/^Only the national operator keeps national items.*$/, () => 'Seul l’opérateur national gère les médicaments nationaux ; une ARS gère les médicaments régionaux de sa région.'],
  [/^Only the supplier .* records shipments\.$/, () => 'Seul le fournisseur du stock d’État (Santé publique France) enregistre les expéditions.'],
  [/^Your account has no region: ask the national operator to attach one\.$/, () => 'Votre compte n’est rattaché à aucune région : demandez à l’opérateur national de l’y rattacher.'],
  [/^An ARS writes to the PUIs of its own region \((\S+)\) only\.$/, (m) => `Une ARS n’écrit qu’aux PUI de sa région (${m[1]}).`],
  [/^Campaign (\S+) is (\w+): only a draft is sent\.$/, (m) => `La campagne ${m[1]} est ${CAMPAIGNS[m[2]] ?? m[2]} : seul un brouillon peut être envoyé. Rechargez la page.`],
  [/^Your role does not allow this\.$/, () => 'Votre compte ne permet pas cette action.'],
  [/^Your account holds no Dispostock role.*$/, () => 'Votre compte n’a aucun rôle dans Dispostock : contactez votre ARS.'],
  [/^(\w+) (\S+) does not exist; create it without If-Match\.$/, () => 'Ces informations n’existent plus : rechargez la page.'],
  [/^No coverage computed for week (\S+)\.$/, (m) => `Aucune couverture n’a été calculée pour la semaine ${week(m[1])}.`],
  // a value of the address refused (a week, a FINESS number): its field message, as a sentence
  [/^.*$/, (m) => (inFrench(m[0]) === UNKNOWN ? '' : `${sentenceInFrench(m[0])}.`)],
];

/** The French of one field's validation message; never the API's English. */
export function inFrench(message) {
  for (const [pattern, french] of FIELD_MESSAGES) {
    const m = pattern.exec(message);
    if (m) return french(m);
  }
  return UNKNOWN;
}

/** A message in French standing alone (a FINESS import line's reason): with its capital. */
export const sentenceInFrench = (message) => inFrench(message).replace(/^./, (c) => c.toUpperCase());

/** The API's validation errors ({pointer, message}), their messages in French. */
export const errorsInFrench = (errors) => errors.map((e) => ({ pointer: e.pointer, message: inFrench(e.message) }));

/** The French of a failure's detail, or '' when the screen's own message must do. */
export function detailInFrench(detail) {
  for (const [pattern, french] of DETAILS) {
    const m = pattern.exec(detail ?? '');
    if (m) return french(m);
  }
  return '';
}
