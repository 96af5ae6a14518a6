/**
 * Stop words (the most frequent function words) per language, ISO 639-1 keyed.
 *
 * Written for winnow by hand: articles, pronouns, prepositions, conjunctions, auxiliaries
 * and common adverbs. Used for stop-word density (is this line running prose?) and for
 * language detection. All entries are lower case; look words up lower-cased.
 *
 *   import { STOPWORDS, STOPWORD_LANGUAGES } from '../config/stopwords';
 *   STOPWORDS.en.has('the') // true
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

const EN = `
a about above across after afterwards again against all almost alone along already also although always
am among an and another any anybody anyone anything anyway anywhere are around as at back be became because
become becomes been before beforehand behind being below beside besides between beyond both but by can cannot
could did do does doing done down during each either else elsewhere enough etc even ever every everybody
everyone everything everywhere except few for former formerly from further had has have having he her here
hers herself him himself his how however i if in indeed instead into is it its itself just last least less
let like many may me meanwhile might mine more moreover most mostly much must my myself neither never
nevertheless next no nobody none nor not nothing now nowhere of off often on once one only onto or other
others otherwise our ours ourselves out over own per perhaps rather same shall she should since so some
somebody someone something sometimes somewhere still such than that the their theirs them themselves then
thence there thereafter thereby therefore these they this those though through throughout thus to together
too toward towards under unless until up upon us very via was we well were what whatever when whenever
where whereas wherever whether which while who whoever whole whom whose why will with within without would
yet you your yours yourself yourselves isn't aren't wasn't weren't don't doesn't didn't won't wouldn't
can't couldn't shouldn't it's that's there's i'm you're we're they're he's she's i've we've they've
said says also just than into who been would could
`;

const DE = `
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anders auch
auf aus bei beim bin bis bist da dabei dadurch dafür dagegen daher dahin damals damit danach daneben dann
daran darauf daraus darf darin darüber darum darunter das dass davon davor dazu dein deine deinem deinen
deiner dem demnach den denen denn dennoch der deren derer des deshalb dessen die dies diese diesem diesen
dieser dieses doch dort du durch ebenfalls ein eine einem einen einer eines einige einigen einiger einiges
einmal er es etwa etwas euch euer eure für gegen gewesen hab habe haben hat hatte hatten hier hin hinter
ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in indem ins ist ja jede jedem jeden jeder
jedes jedoch jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines können könnte
machen man manche manchem manchen mancher manches mehr mein meine meinem meinen meiner meines mich mir mit
muss musste nach nachdem nein nicht nichts noch nun nur ob oder ohne schon sehr sein seine seinem seinen
seiner seines seit selbst sich sie sind so solche solchem solchen solcher soll sollen sollte sondern sonst
sowie über um und uns unser unsere unserem unseren unserer unter viel viele vom von vor während war waren
warum was weil weiter welche welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird
wirst wo wurde wurden zu zum zur zwar zwischen bereits sowohl gibt geht laut sei seien worden wäre
`;

const FR = `
à afin ai aie aient ainsi alors après as au aucun aucune aujourd auprès aura aurai auraient aurait auront
aussi autant autre autres aux avaient avais avait avant avec avez avoir avons ayant bien c ça car ce ceci
cela celle celles celui cependant certains ces cet cette ceux chacun chaque chez ci comme comment d dans
de depuis des dès deux devant doit donc dont du elle elles en encore entre es est et étaient était été
être eu eux fait faire fois font hors il ils j je jusqu jusque l la là le les leur leurs lors lorsque lui
m ma mais me même mêmes mes moi moins mon n ne ni nos notre nous on ont or ou où par parce parmi pas pendant
peu peut peuvent plus plusieurs pour pourquoi pourtant puis qu quand que quel quelle quelles quelque
quelques quels qui quoi s sa sans se selon ser sera seront ses si sien sinon soi soit son sont sous
souvent suis sur t ta tandis te tes toi ton tous tout toute toutes très tu un une vers via voici voilà
vos votre vous y déjà aussi fut avait cette entre selon afin lequel laquelle lesquels auxquels duquel
`;

const ES = `
a acerca además al algo algún alguna algunas alguno algunos allí ante antes aquel aquella aquellas aquellos
aquí así aún aunque bajo bien cada casi como con contra cual cuales cualquier cuando cuanto cuya cuyo de
del desde después donde dos durante e el él ella ellas ello ellos en entre era eran eres es esa esas ese
eso esos esta está estaba estaban estado están estar estas este esto estos estoy fue fueron fui ha había
habían han hasta hay he hemos hoy la las le les lo los más me mi mis mucho muchos muy nada ni no nos
nosotros nuestra nuestro nuestros o otra otras otro otros para pero poco por porque pues que qué quien
quienes se sea según ser si sí siempre sido sin sino sobre solo sólo son su sus también tan tanto te
tener tiene tienen todo todos tras tu tus un una unas uno unos usted ustedes y ya yo cuyo mientras
luego donde dijo hacia aunque sus les puede pueden será serán fue había hubo toda todas
`;

const IT = `
a ad agli ai al alla alle allo anche ancora avere aveva avevano basta che chi ci ciò come con contro cosa
così cui da dagli dai dal dalla dalle dallo degli dei del della delle dello dentro di dopo dove e è ed
essere fa fare fino fra gli già ha hanno ho i il in infatti inoltre io l la le lei li lo loro lui ma
me mentre mi mia mie miei mio molto ne negli nei nel nella nelle nello noi non nostra nostre nostri
nostro o ogni ora per perché però più poi poiché può quale quali qualche quando quanto quella quelle
quelli quello questa queste questi questo qui se sé sei sembra senza si sia siamo siano sono sopra
sotto sta stata state stati stato stesso su sua sue sugli sui sul sulla sulle suo suoi tra tu tutta
tutte tutti tutto un una uno vi voi anche ancora essere stata erano era abbiamo avere aver dell nell
sull all dall quest un'altra
`;

const PT = `
a à ao aos aquela aquelas aquele aqueles aquilo as às até com como contra da das de dela delas dele deles
depois desde dessa dessas desse desses desta destas deste destes do dos e é ela elas ele eles em entre
era eram essa essas esse esses esta está estão estas estava estavam este estes eu foi foram há isso isto
já la lhe lhes lo mais mas me mesmo meu meus minha minhas muito na nas não nem no nos nós nossa nossas
nosso nossos num numa o os ou para pela pelas pelo pelos por porque pois qual quando que quem se seja
sem ser será seu seus si sido só sob sobre sua suas também tem têm ter teve tinha todo todos tu um uma
umas uns você vocês vos ainda assim apenas onde cada outro outra outros outras segundo disse pode podem
`;

const NL = `
aan al alle alleen als altijd ander andere anders bij binnen daar daarom dan dat de der deze die dit doch
doen door dus een eens eigen en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
iemand iets ik in is ja je jij jou jouw kan kon kunnen maar me meer men met mij mijn moet na naar niet
niets nog nu of om omdat ons onze ook op over reeds te tegen toch toen tot u uit uw van veel voor want
waren was wat we wel werd wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zonder zou
volgens sinds tussen daarna waar waarom welke hebt ben bent zullen zouden moeten kunnen mag deze ieder
`;

const PL = `
a aby albo ale ani aż bardzo bez bo bowiem by był była byli było być chce ci cię co coś czy czyli dla do
dlaczego dlatego gdy gdyż gdzie go i ich ile im innych iż ja jak jako je jego jej jest jeszcze jeśli
jednak już kiedy kto która które którego której który których którym ku lub ma mają mi mnie mu my na
nad nam nas nawet nich nie niech nim nią no o od oraz on ona one oni ono po pod podczas pomiędzy ponieważ
przed przez przy również są się sobie sobą sposób swoje są ta tak także tam te tego tej teraz też to
tu tych tylko tym u w we więc wszystko wszystkie z za ze że żeby został została zostały jednak był
będzie będą może można powiedział według wśród około
`;

const RU = `
а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его
ее её если есть еще ещё же за здесь и из или им их к как какой когда кто ли либо мне может мы на над
надо наш не него нее неё нет ни них но ну о об однако он она они оно от очень по под после потом при
про с сам свой себе себя со так также такой там те тем то того тоже той только том тут ты у уже хотя
чего чей чем что чтобы чье эта эти это этого этой этом этот я которые который которая которое которых
будет будут было сказал между через более также лишь пока своей своих свою
`;

const ID = `
ada adalah agar akan aku anda antara apa apabila atas atau bagai bagaimana bagi bahkan bahwa banyak baru
belum berapa bisa boleh bukan dalam dan dapat dari demikian dengan di dia dulu hal hanya harus hingga ia
ini itu jadi jika juga jangan kalau kami kamu karena ke kemudian kepada ketika kita lagi lain lalu maka
masih melalui mereka meski mungkin namun nya oleh pada para pernah pula saat saja sama sampai sangat saya
se sebagai sebelum sedang sehingga sejak selalu semua seperti serta setelah sudah supaya tak tanpa telah
tentang tersebut tetapi tidak untuk yaitu yang
`;

/** Stop words per ISO 639-1 language code. */
export const STOPWORDS: Record<string, ReadonlySet<string>> = {
  en: set(EN),
  de: set(DE),
  fr: set(FR),
  es: set(ES),
  it: set(IT),
  pt: set(PT),
  nl: set(NL),
  pl: set(PL),
  ru: set(RU),
  id: set(ID),
};

/** The languages that have a stop-word list, in a fixed order. */
export const STOPWORD_LANGUAGES: readonly string[] = Object.keys(STOPWORDS);

/** Union of all lists: a language-agnostic fallback for stop-word density. */
export const ALL_STOPWORDS: ReadonlySet<string> = new Set(
  STOPWORD_LANGUAGES.flatMap((lang) => [...STOPWORDS[lang]!]),
);

/** Whether `word` (any case) is a stop word of `lang` (or of any known language when `lang` is null). */
export function isStopword(word: string, lang: string | null): boolean {
  const w = word.toLowerCase();
  const list = lang ? STOPWORDS[lang] : undefined;
  return list ? list.has(w) : ALL_STOPWORDS.has(w);
}
