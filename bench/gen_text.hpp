// Word lists and message fragments for the benchmark's data generator: names,
// streets and cities of Polish, Czech, Ukrainian and English customers, and
// complaint texts for the situations of PRODUCT.md §6 in the four languages.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace bench {

using sv = std::string_view;

template <std::size_t N>
using List = std::array<sv, N>;

// Languages in the order used by every per-language table below.
enum Lang : int { en = 0, pl = 1, cs = 2, uk = 3 };
inline constexpr std::array<sv, 4> lang_code = {"en", "pl", "cs", "uk"};

// ---------------------------------------------------------------- people

// A Ukrainian name is written in Cyrillic on parcels and transliterated in e-mail.
struct Name {
  sv shown;
  sv latin;
};

inline constexpr Name pl_female[] = {{"Anna", "anna"},         {"Katarzyna", "katarzyna"}, {"Małgorzata", "malgorzata"},
                                     {"Agnieszka", "agnieszka"}, {"Barbara", "barbara"},     {"Ewa", "ewa"},
                                     {"Magdalena", "magdalena"}, {"Joanna", "joanna"},       {"Aleksandra", "aleksandra"},
                                     {"Zofia", "zofia"},         {"Monika", "monika"},       {"Natalia", "natalia"}};
inline constexpr Name pl_male[] = {{"Piotr", "piotr"},     {"Krzysztof", "krzysztof"}, {"Andrzej", "andrzej"},
                                   {"Tomasz", "tomasz"},   {"Paweł", "pawel"},         {"Michał", "michal"},
                                   {"Marcin", "marcin"},   {"Łukasz", "lukasz"},       {"Jakub", "jakub"},
                                   {"Grzegorz", "grzegorz"}, {"Mateusz", "mateusz"},   {"Wojciech", "wojciech"}};
// Surnames as {male, female, latin of male, latin of female}.
struct Surname {
  sv male, female, male_latin, female_latin;
};
inline constexpr Surname pl_surnames[] = {
    {"Nowak", "Nowak", "nowak", "nowak"},
    {"Kowalski", "Kowalska", "kowalski", "kowalska"},
    {"Wiśniewski", "Wiśniewska", "wisniewski", "wisniewska"},
    {"Wójcik", "Wójcik", "wojcik", "wojcik"},
    {"Kowalczyk", "Kowalczyk", "kowalczyk", "kowalczyk"},
    {"Kamiński", "Kamińska", "kaminski", "kaminska"},
    {"Lewandowski", "Lewandowska", "lewandowski", "lewandowska"},
    {"Zieliński", "Zielińska", "zielinski", "zielinska"},
    {"Szymański", "Szymańska", "szymanski", "szymanska"},
    {"Woźniak", "Woźniak", "wozniak", "wozniak"},
    {"Dąbrowski", "Dąbrowska", "dabrowski", "dabrowska"},
    {"Kozłowski", "Kozłowska", "kozlowski", "kozlowska"},
    {"Jankowski", "Jankowska", "jankowski", "jankowska"},
    {"Mazur", "Mazur", "mazur", "mazur"},
    {"Krawczyk", "Krawczyk", "krawczyk", "krawczyk"},
    {"Grabowski", "Grabowska", "grabowski", "grabowska"},
};
inline constexpr Name cs_female[] = {{"Jana", "jana"},   {"Eva", "eva"},         {"Hana", "hana"},
                                     {"Lucie", "lucie"}, {"Tereza", "tereza"},   {"Kateřina", "katerina"},
                                     {"Petra", "petra"}, {"Markéta", "marketa"}, {"Veronika", "veronika"}};
inline constexpr Name cs_male[] = {{"Jan", "jan"},     {"Petr", "petr"},   {"Jiří", "jiri"},
                                   {"Tomáš", "tomas"}, {"Martin", "martin"}, {"Lukáš", "lukas"},
                                   {"Jakub", "jakub"}, {"Ondřej", "ondrej"}, {"David", "david"}};
inline constexpr Surname cs_surnames[] = {
    {"Novák", "Nováková", "novak", "novakova"},       {"Svoboda", "Svobodová", "svoboda", "svobodova"},
    {"Novotný", "Novotná", "novotny", "novotna"},     {"Dvořák", "Dvořáková", "dvorak", "dvorakova"},
    {"Černý", "Černá", "cerny", "cerna"},             {"Procházka", "Procházková", "prochazka", "prochazkova"},
    {"Kučera", "Kučerová", "kucera", "kucerova"},     {"Veselý", "Veselá", "vesely", "vesela"},
    {"Horák", "Horáková", "horak", "horakova"},       {"Němec", "Němcová", "nemec", "nemcova"},
};
inline constexpr Name uk_female[] = {{"Олена", "olena"},   {"Наталія", "nataliia"}, {"Ірина", "iryna"},
                                     {"Оксана", "oksana"}, {"Тетяна", "tetiana"},   {"Юлія", "yuliia"},
                                     {"Марія", "mariia"},  {"Світлана", "svitlana"}};
inline constexpr Name uk_male[] = {{"Олександр", "oleksandr"}, {"Андрій", "andrii"}, {"Сергій", "serhii"},
                                   {"Дмитро", "dmytro"},       {"Іван", "ivan"},     {"Микола", "mykola"},
                                   {"Тарас", "taras"},         {"Богдан", "bohdan"}};
inline constexpr Surname uk_surnames[] = {
    {"Шевченко", "Шевченко", "shevchenko", "shevchenko"}, {"Коваленко", "Коваленко", "kovalenko", "kovalenko"},
    {"Бондаренко", "Бондаренко", "bondarenko", "bondarenko"}, {"Ткаченко", "Ткаченко", "tkachenko", "tkachenko"},
    {"Кравчук", "Кравчук", "kravchuk", "kravchuk"},       {"Олійник", "Олійник", "oliinyk", "oliinyk"},
    {"Мельник", "Мельник", "melnyk", "melnyk"},           {"Бойко", "Бойко", "boiko", "boiko"},
    {"Коваль", "Коваль", "koval", "koval"},               {"Савченко", "Савченко", "savchenko", "savchenko"},
};
inline constexpr Name en_female[] = {{"Sarah", "sarah"}, {"Emma", "emma"},   {"Olivia", "olivia"},
                                     {"Emily", "emily"}, {"Sophie", "sophie"}, {"Laura", "laura"}};
inline constexpr Name en_male[] = {{"John", "john"},     {"David", "david"}, {"James", "james"},
                                   {"Michael", "michael"}, {"Daniel", "daniel"}, {"Thomas", "thomas"}};
inline constexpr Surname en_surnames[] = {
    {"Smith", "Smith", "smith", "smith"},       {"Jones", "Jones", "jones", "jones"},
    {"Brown", "Brown", "brown", "brown"},       {"Taylor", "Taylor", "taylor", "taylor"},
    {"Wilson", "Wilson", "wilson", "wilson"},   {"Evans", "Evans", "evans", "evans"},
    {"Walker", "Walker", "walker", "walker"},   {"Wright", "Wright", "wright", "wright"},
    {"O'Connor", "O'Connor", "oconnor", "oconnor"},
};

inline constexpr List<6> pl_mail = {"gmail.com", "wp.pl", "onet.pl", "o2.pl", "interia.pl", "op.pl"};
inline constexpr List<4> cs_mail = {"seznam.cz", "email.cz", "centrum.cz", "gmail.com"};
inline constexpr List<4> uk_mail = {"ukr.net", "gmail.com", "i.ua", "meta.ua"};
inline constexpr List<4> en_mail = {"gmail.com", "outlook.com", "yahoo.co.uk", "hotmail.com"};

struct City {
  sv name;
  sv postcode_prefix;  // the rest of the postcode is generated
};
inline constexpr City pl_cities[] = {{"Warszawa", "0"}, {"Kraków", "3"}, {"Łódź", "9"},     {"Wrocław", "5"},
                                     {"Poznań", "6"},   {"Gdańsk", "8"}, {"Szczecin", "7"}, {"Bydgoszcz", "8"},
                                     {"Lublin", "2"},   {"Białystok", "1"}, {"Katowice", "4"}, {"Rzeszów", "3"},
                                     {"Toruń", "8"},    {"Kielce", "2"}, {"Olsztyn", "1"},  {"Zielona Góra", "6"}};
inline constexpr City cs_cities[] = {{"Praha", "1"},   {"Brno", "6"},     {"Ostrava", "7"}, {"Plzeň", "3"},
                                     {"Liberec", "4"}, {"Olomouc", "7"},  {"České Budějovice", "3"},
                                     {"Hradec Králové", "5"}, {"Pardubice", "5"}, {"Zlín", "7"}};
inline constexpr City uk_cities[] = {{"Київ", "0"},    {"Львів", "7"},   {"Харків", "6"}, {"Одеса", "6"},
                                     {"Дніпро", "4"},  {"Вінниця", "2"}, {"Полтава", "3"}, {"Чернівці", "5"},
                                     {"Житомир", "1"}, {"Ужгород", "8"}};
inline constexpr City en_cities[] = {{"London", "SW"},   {"Bristol", "BS"},   {"Manchester", "M"},
                                     {"Leeds", "LS"},    {"Glasgow", "G"},    {"Dublin", "D"},
                                     {"Cambridge", "CB"}, {"Brighton", "BN"}, {"Edinburgh", "EH"}};

inline constexpr List<14> pl_streets = {"ul. Lipowa",      "ul. Ogrodowa",   "ul. Polna",      "ul. Leśna",
                                        "ul. Słoneczna",   "ul. Krótka",     "ul. Szkolna",    "ul. Mickiewicza",
                                        "ul. Kościuszki",  "al. Jana Pawła II", "ul. Piłsudskiego", "ul. Długa",
                                        "ul. Żeromskiego", "os. Kalinowe"};
inline constexpr List<10> cs_streets = {"Národní",  "Husova",      "Masarykova", "Nádražní",  "Školní",
                                        "Palackého", "Komenského", "Žižkova",    "Tyršova",   "Dlouhá"};
inline constexpr List<10> uk_streets = {"вул. Шевченка",   "вул. Франка",    "вул. Грушевського", "просп. Миру",
                                        "вул. Садова",     "вул. Лесі Українки", "вул. Соборна", "вул. Зелена",
                                        "бульв. Лесі Українки", "вул. Незалежності"};
inline constexpr List<10> en_streets = {"Mill Lane",   "High Street", "Station Road", "Church Street", "Kings Road",
                                        "Park Avenue", "Victoria Road", "Green Lane", "Manor Road",   "The Crescent"};

inline constexpr List<12> companies = {"Usługi Remontowe Nowak Sp. z o.o.", "Biuro Rachunkowe \"Bilans\"",
                                       "ABC Trading s.r.o.", "Hotel Pod Lipami", "ТОВ \"Світанок\"",
                                       "Kancelaria Prawna Wiśniewski i Wspólnicy", "Studio Wnętrz Łucja",
                                       "Autoservis Novák s.r.o.", "ФОП Коваленко", "Greenfield Ltd",
                                       "Przedszkole Słoneczko", "Pensjonat Pod Jodłami"};

inline constexpr List<10> return_reasons = {"Rozmiar nie pasuje", "Inny kolor niż na zdjęciu", "Zmiana decyzji",
                                            "Uszkodzony w transporcie", "Nevyhovuje velikost", "Wrong size",
                                            "Не підійшов розмір", "Produkt niezgodny z opisem", "Not as described",
                                            "Odstoupení od smlouvy"};
inline constexpr List<6> order_tags = {"gift", "b2b", "allegro", "promo", "newsletter", "gift, wrap"};

inline constexpr List<10> products = {"Lniana pościel 160x200", "Ręcznik lniany 70x140", "Poszewka lniana 50x60",
                                      "Linen duvet cover 200x220", "Prześcieradło z gumką 160x200",
                                      "Obrus lniany 140x220", "Koc wełniany", "Poduszka z pierza",
                                      "Fartuch kuchenny", "Zasłona lniana 140x250"};

// ---------------------------------------------------------------- messages

// The situations of PRODUCT.md §6 a complaint is drawn from.
enum Situation : int {
  s_not_received,
  s_lost_tracking,
  s_delivered_not_received,
  s_wrong_address,
  s_defect,
  s_return,
  s_late_return,
  s_refund,
  s_review_threat,
  s_review_remove,
  s_chargeback,
  s_freebie,
  s_refuse_return,
  s_subscription,
  s_demanding,
  s_pretext,
  s_cod,
  s_invoice,
  s_question,
  s_violence,
  s_count
};

// The `kind` written in the rare export that fills it; empty: never given.
inline constexpr std::array<sv, s_count> situation_kind = {
    "not_received", "lost",     "not_received", "wrong_address", "defect", "return",  "return",
    "refund",       "",         "",             "",              "",       "",        "subscription",
    "delivery",     "",         "question",     "invoice",       "question", ""};

// Per situation and language: a few subjects, and a few core sentences that say
// what happened and what the customer wants. {o} is the order number.
struct Texts {
  std::array<std::array<sv, 3>, 4> subjects;
  std::array<std::array<sv, 4>, 4> cores;
};

inline constexpr std::array<Texts, s_count> texts = {{
    // s_not_received
    {{{{"Where is my order?", "Parcel not delivered", "Order {o} not received"},
       {"Gdzie jest moja paczka?", "Nie dostałam paczki", "Brak przesyłki {o}"},
       {"Kde je moje zásilka?", "Balík nedorazil", "Objednávka {o} nedoručena"},
       {"Де моє замовлення?", "Посилка не прийшла", "Замовлення {o} не отримано"}}},
     {{{"My parcel has not arrived yet.", "I still haven't received my order {o}.",
        "The package never arrived and it has been almost two weeks.", "Nothing has been delivered to me so far."},
       {"Paczka do mnie nie dotarła.", "Do dziś nie otrzymałam zamówienia {o}.",
        "Minęły prawie dwa tygodnie, a przesyłki nadal nie ma.", "Nie dostałem jeszcze paczki, status stoi w miejscu."},
       {"Zásilka mi stále nedorazila.", "Objednávku {o} jsem dodnes neobdržela.",
        "Balík pořád nepřišel, čekám už skoro dva týdny.", "Nic mi zatím nebylo doručeno."},
       {"Посилка досі не прийшла.", "Я досі не отримала замовлення {o}.",
        "Минуло майже два тижні, а посилки все ще немає.", "Мені нічого не доставили."}}}},
    // s_lost_tracking
    {{{{"Tracking has not moved for days", "Lost parcel?", "Shipment stuck"},
       {"Przesyłka utknęła", "Zaginiona paczka?", "Status się nie zmienia"},
       {"Zásilka se zasekla", "Ztracený balík?", "Sledování se nemění"},
       {"Посилка застрягла", "Загублена посилка?", "Трекінг не оновлюється"}}},
     {{{"The tracking status has not changed for ten days, I think the courier lost my parcel.",
        "The parcel seems to be lost somewhere in the depot.", "The carrier says they cannot find my package.",
        "Tracking shows the same status for over a week."},
       {"Status w śledzeniu nie zmienił się od dziesięciu dni, chyba kurier zgubił paczkę.",
        "Wygląda na to, że paczka zaginęła w sortowni.", "Kurier twierdzi, że nie może znaleźć mojej przesyłki.",
        "Od tygodnia w InPost ciągle ten sam status."},
       {"Stav zásilky se nezměnil deset dní, asi se balík ztratil.", "Balík se zřejmě ztratil na depu.",
        "Dopravce tvrdí, že mou zásilku nemůže najít.", "Sledování ukazuje už týden stejný stav."},
       {"Статус відстеження не змінюється десять днів, здається, посилку загубили.",
        "Схоже, посилка загубилася на складі.", "Перевізник каже, що не може знайти мою посилку.",
        "Вже тиждень той самий статус у трекінгу."}}}},
    // s_delivered_not_received
    {{{{"Marked as delivered but I don't have it", "Not received", "Delivered?"},
       {"Status doręczona, a paczki nie ma", "Nie otrzymałam przesyłki", "Paczka doręczona?"},
       {"Doručeno, ale nic nemám", "Zásilku jsem nepřevzala", "Doručeno?"},
       {"Статус доставлено, але посилки немає", "Не отримала посилку", "Доставлено?"}}},
     {{{"The tracking says delivered but I never received anything.", "I have not received the parcel although it is marked as delivered.",
        "Nobody rang the bell and there is no parcel, yet the status says delivered.", "I did not receive it, maybe it was left with a neighbour?"},
       {"W śledzeniu jest status doręczona, ale nic nie dostałam.", "Nie otrzymałem paczki, chociaż system pokazuje doręczenie.",
        "Nikt nie dzwonił, paczki nie ma, a status mówi że doręczona.", "Nie dostałam przesyłki, może kurier zostawił ją u sąsiada?"},
       {"Podle sledování bylo doručeno, ale nic jsem nedostala.", "Zásilku jsem neobdržel, i když je označena jako doručená.",
        "Nikdo nezvonil a balík nemám, přitom stav je doručeno.", "Nedostala jsem to, možná to kurýr nechal u souseda?"},
       {"У трекінгу написано доставлено, але я нічого не отримала.", "Я не отримав посилку, хоча вона позначена як доставлена.",
        "Ніхто не дзвонив, посилки немає, а статус доставлено.", "Не отримала посилку, можливо кур'єр залишив її у сусідів?"}}}},
    // s_wrong_address
    {{{{"Wrong address on my order", "Parcel returned to sender", "Change of address"},
       {"Zły adres w zamówieniu", "Paczka wróciła do nadawcy", "Zmiana adresu"},
       {"Špatná adresa", "Balík se vrátil odesílateli", "Změna adresy"},
       {"Неправильна адреса", "Посилка повернулася відправнику", "Зміна адреси"}}},
     {{{"I gave my old address by mistake and the parcel came back to you.", "I moved last month and forgot to update the address.",
        "I typed the wrong flat number, the courier could not deliver it.", "The parcel went to my old address, please send it again."},
       {"Podałam przez pomyłkę stary adres i paczka wróciła.", "Przeprowadziłem się w zeszłym miesiącu i zapomniałem zmienić adres.",
        "Wpisałam zły numer mieszkania i kurier nie mógł doręczyć.", "Paczka poszła na stary adres, proszę wysłać jeszcze raz."},
       {"Omylem jsem zadala starou adresu a balík se vrátil.", "Minulý měsíc jsem se přestěhoval a zapomněl změnit adresu.",
        "Zadala jsem špatné číslo bytu, kurýr nemohl doručit.", "Balík šel na starou adresu, pošlete ho prosím znovu."},
       {"Я помилково вказала стару адресу, і посилка повернулася.", "Я переїхав минулого місяця і забув змінити адресу.",
        "Я вказала неправильний номер квартири, кур'єр не зміг доставити.", "Посилка пішла на стару адресу, надішліть її ще раз."}}}},
    // s_defect
    {{{{"Product broken", "Defective item", "Torn after a month"},
       {"Produkt uszkodzony", "Reklamacja", "Rozdarło się po miesiącu"},
       {"Reklamace", "Vadné zboží", "Roztrhlo se po měsíci"},
       {"Рекламація", "Бракований товар", "Порвалося через місяць"}}},
     {{{"The duvet cover has torn along the seam after a few washes.", "The item broke after two weeks of normal use.",
        "The zip came off on the second day and the fabric is fraying.", "It stopped working after a month, this should not happen."},
       {"Poszwa rozdarła się na szwie po kilku praniach.", "Produkt zepsuł się po dwóch tygodniach normalnego używania.",
        "Zamek odpadł drugiego dnia, a materiał się strzępi.", "Po miesiącu przestało działać, to jest wada."},
       {"Povlak se po pár praních roztrhl ve švu.", "Výrobek se rozbil po dvou týdnech běžného používání.",
        "Zip upadl hned druhý den a látka se třepí.", "Po měsíci to přestalo fungovat, je to vada."},
       {"Підковдра порвалася по шву після кількох прань.", "Товар зламався через два тижні звичайного використання.",
        "Блискавка відпала на другий день, тканина сиплеться.", "Через місяць перестало працювати, це брак."}}}},
    // s_return
    {{{{"Return request", "I would like to return an item", "Return"},
       {"Zwrot towaru", "Chcę zwrócić zamówienie", "Zwrot"},
       {"Vrácení zboží", "Chci vrátit objednávku", "Vrácení"},
       {"Повернення товару", "Хочу повернути замовлення", "Повернення"}}},
     {{{"I would like to return the item, the size does not fit.", "I want to send the order back, the colour is different than in the photo.",
        "How can I return this? I changed my mind.", "Please tell me how to return the parcel for a refund."},
       {"Chciałabym zwrócić towar, rozmiar nie pasuje.", "Chcę odesłać zamówienie, kolor jest inny niż na zdjęciu.",
        "Jak mogę dokonać zwrotu? Rozmyśliłem się.", "Proszę o informację jak odesłać paczkę i odzyskać pieniądze."},
       {"Chtěla bych zboží vrátit, nesedí velikost.", "Chci objednávku poslat zpět, barva je jiná než na fotce.",
        "Jak mohu zboží vrátit? Rozmyslel jsem si to.", "Prosím o informaci, jak vrátit balík a dostat peníze zpět."},
       {"Я хотіла б повернути товар, не підійшов розмір.", "Хочу повернути замовлення, колір інший, ніж на фото.",
        "Як я можу повернути товар? Я передумав.", "Підкажіть, будь ласка, як повернути посилку і отримати гроші."}}}},
    // s_late_return
    {{{{"Return after a few months", "Can I still return it?", "Return"},
       {"Zwrot po czasie", "Czy mogę jeszcze zwrócić?", "Zwrot towaru"},
       {"Vrácení po lhůtě", "Mohu ještě vrátit?", "Vrácení zboží"},
       {"Повернення після терміну", "Чи можу ще повернути?", "Повернення"}}},
     {{{"I bought it a few months ago and would like to return it now, I never used it.",
        "I know it has been a while, but I want to return the order.", "Can I still return the item I bought in spring?",
        "I'd like to send back the order, it has been lying in the wardrobe since summer."},
       {"Kupiłam to kilka miesięcy temu i chciałabym teraz zwrócić, nie używałam.",
        "Wiem, że minęło trochę czasu, ale chcę zwrócić zamówienie.", "Czy mogę jeszcze zwrócić towar kupiony wiosną?",
        "Chcę odesłać zamówienie, leży w szafie od lata."},
       {"Koupila jsem to před několika měsíci a chtěla bych to vrátit, nepoužité.",
        "Vím, že už uplynula doba, ale chci objednávku vrátit.", "Mohu ještě vrátit zboží koupené na jaře?",
        "Chci poslat zboží zpět, leží ve skříni od léta."},
       {"Я купила це кілька місяців тому і хочу повернути, не користувалася.",
        "Знаю, що минуло багато часу, але хочу повернути замовлення.", "Чи можу я ще повернути товар, куплений навесні?",
        "Хочу повернути замовлення, воно лежить у шафі з літа."}}}},
    // s_refund
    {{{{"Where is my refund?", "Refund not received", "Money back"},
       {"Gdzie mój zwrot pieniędzy?", "Nie dostałem zwrotu", "Zwrot środków"},
       {"Kde jsou moje peníze?", "Nepřišla refundace", "Vrácení peněz"},
       {"Де мої гроші?", "Не отримала повернення коштів", "Повернення коштів"}}},
     {{{"I sent the parcel back two weeks ago and I still have not got my money back.", "When will you refund my payment?",
        "The return was delivered to you but the refund is missing.", "Please refund the order, the goods went back to you long ago."},
       {"Odesłałam paczkę dwa tygodnie temu i nadal nie mam zwrotu pieniędzy.", "Kiedy oddacie mi pieniądze?",
        "Zwrot do was dotarł, ale pieniędzy nie ma.", "Proszę o zwrot pieniędzy, towar dawno do was wrócił."},
       {"Balík jsem poslala zpět před dvěma týdny a peníze stále nemám.", "Kdy mi vrátíte peníze?",
        "Vratka k vám dorazila, ale peníze nepřišly.", "Prosím o vrácení peněz, zboží se k vám vrátilo už dávno."},
       {"Я відправила посилку назад два тижні тому, а гроші досі не повернули.", "Коли ви повернете мені гроші?",
        "Повернення до вас дійшло, але коштів немає.", "Прошу повернути гроші, товар давно у вас."}}}},
    // s_review_threat
    {{{{"Last chance before I write a review", "Unacceptable", "Complaint"},
       {"Ostatnia szansa", "Skandal", "Reklamacja"},
       {"Poslední šance", "Skandál", "Stížnost"},
       {"Останній шанс", "Неприпустимо", "Скарга"}}},
     {{{"If you don't refund me today I will post a negative review everywhere.",
        "Send me a discount code or I will leave a 1 star review on Google.",
        "I will write a bad review on Trustpilot unless you compensate me.", "Fix this now or everyone will read about your shop on Facebook."},
       {"Jeśli dziś nie oddacie pieniędzy, wystawię negatywną opinię wszędzie.",
        "Proszę o kod rabatowy, inaczej wystawię negatywa na Allegro.", "Jak nie dostanę rekompensaty, napiszę złą opinię na Ceneo.",
        "Załatwcie to od ręki albo opiszę was na Facebooku."},
       {"Pokud mi dnes nevrátíte peníze, napíšu všude negativní recenzi.",
        "Pošlete mi slevu, jinak dám na Heurece špatné hodnocení.", "Jestli nedostanu kompenzaci, napíšu špatnou recenzi.",
        "Vyřešte to hned, nebo o vás napíšu na Facebooku."},
       {"Якщо сьогодні не повернете гроші, я напишу поганий відгук всюди.",
        "Дайте знижку, інакше залишу негативний відгук.", "Якщо не отримаю компенсацію, напишу поганий відгук у Google.",
        "Вирішіть це зараз, або всі дізнаються про ваш магазин у Фейсбуці."}}}},
    // s_review_remove
    {{{{"About my review", "Review", "Negative review"},
       {"W sprawie mojej opinii", "Opinia", "Negatywna opinia"},
       {"K mé recenzi", "Recenze", "Negativní hodnocení"},
       {"Щодо мого відгуку", "Відгук", "Негативний відгук"}}},
     {{{"I posted a negative review yesterday; send me a replacement for free and I will remove it.",
        "I gave you one star. Refund the shipping and I'll delete the review.", "My bad review stays until you give me a discount.",
        "I already left a negative review, I can take it down if you send a gift card."},
       {"Wystawiłam wczoraj negatywną opinię; wyślijcie mi gratis nowy produkt, to ją usunę.",
        "Dałem wam jedną gwiazdkę. Zwróćcie koszt wysyłki, to usunę opinię.", "Moja negatywna opinia zostanie, dopóki nie dostanę rabatu.",
        "Wystawiłam już negatywny komentarz, mogę go usunąć, jeśli prześlecie bon."},
       {"Včera jsem napsala negativní recenzi; pošlete mi zdarma nový kus a smažu ji.",
        "Dal jsem vám jednu hvězdu. Vraťte mi poštovné a recenzi smažu.", "Moje špatná recenze zůstane, dokud nedostanu slevu.",
        "Už jsem napsala negativní hodnocení, smažu ho, když pošlete poukaz."},
       {"Я вчора залишила негативний відгук; надішліть безкоштовно новий товар, і я його видалю.",
        "Я поставив вам одну зірку. Поверніть вартість доставки, і я видалю відгук.", "Мій поганий відгук залишиться, поки не отримаю знижку.",
        "Я вже написала негативний відгук, можу видалити, якщо надішлете сертифікат."}}}},
    // s_chargeback
    {{{{"I contacted my bank", "Chargeback", "Dispute with my bank"},
       {"Reklamacja w banku", "Chargeback", "Zgłosiłem sprawę do banku"},
       {"Reklamace u banky", "Chargeback", "Spor v bance"},
       {"Звернувся до банку", "Чарджбек", "Спір у банку"}}},
     {{{"I have opened a dispute with my bank, but please just refund me now.",
        "I filed a chargeback; send the parcel again or give me my money back.", "My bank is handling it now, but I still want a refund from you.",
        "I reported the payment to my card issuer, please refund the order."},
       {"Złożyłam reklamację w banku, ale proszę po prostu oddać mi pieniądze.",
        "Zrobiłem chargeback; wyślijcie paczkę jeszcze raz albo zwróćcie pieniądze.", "Bank już się tym zajmuje, ale chcę zwrotu od was.",
        "Zgłosiłam płatność do banku, proszę o zwrot pieniędzy."},
       {"Podala jsem reklamaci platby v bance, ale prosím vraťte mi peníze.",
        "Udělal jsem chargeback; pošlete balík znovu nebo vraťte peníze.", "Banka to už řeší, ale chci vrácení peněz od vás.",
        "Nahlásila jsem platbu bance, prosím vraťte peníze."},
       {"Я відкрила спір у банку, але просто поверніть мені гроші.",
        "Я зробив чарджбек; надішліть посилку ще раз або поверніть гроші.", "Банк уже цим займається, але я хочу повернення від вас.",
        "Я повідомила банк про платіж, прошу повернути гроші."}}}},
    // s_freebie
    {{{{"Compensation", "Long delivery", "Gift for the trouble?"},
       {"Rekompensata", "Długa dostawa", "Coś w ramach przeprosin?"},
       {"Kompenzace", "Dlouhé doručení", "Dárek za potíže?"},
       {"Компенсація", "Довга доставка", "Подарунок за незручності?"}}},
     {{{"The parcel took 10 hours longer than promised, I expect a freebie.",
        "For the trouble I think I deserve a discount on my next order.", "Please send me something for free as compensation for the delay.",
        "I waited a whole day, how about a gift card?"},
       {"Paczka szła 10 godzin dłużej niż obiecaliście, należy mi się coś gratis.",
        "Za kłopot chyba należy mi się rabat na kolejne zamówienie.", "Proszę o rekompensatę za opóźnienie, może jakiś gratis.",
        "Czekałam cały dzień, może jakiś bon w ramach przeprosin?"},
       {"Balík šel o 10 hodin déle, než jste slíbili, čekám něco zdarma.",
        "Za ty potíže si myslím zasloužím slevu na další nákup.", "Pošlete mi prosím něco zdarma jako kompenzaci za zpoždění.",
        "Čekala jsem celý den, co takhle dárkový poukaz?"},
       {"Посилка йшла на 10 годин довше, ніж обіцяли, чекаю подарунок.",
        "За незручності, думаю, мені належить знижка на наступне замовлення.", "Надішліть мені щось безкоштовно як компенсацію за затримку.",
        "Я чекала цілий день, може подарунковий сертифікат?"}}}},
    // s_refuse_return
    {{{{"Bad quality", "Not happy", "Complaint"},
       {"Słaba jakość", "Jestem niezadowolona", "Reklamacja"},
       {"Špatná kvalita", "Nejsem spokojená", "Reklamace"},
       {"Погана якість", "Я незадоволена", "Скарга"}}},
     {{{"The quality is poor, I want my money back but I am not sending anything back.",
        "I will not return the item, it is your problem, just refund me.", "I won't pay for shipping it back, refund me and keep it that way.",
        "The fabric is thin. I am keeping it but I want a partial refund."},
       {"Jakość jest słaba, chcę zwrot pieniędzy, ale niczego nie odeślę.",
        "Nie będę odsyłać towaru, to wasz problem, proszę zwrócić pieniądze.", "Nie zapłacę za odesłanie, zwróćcie pieniądze i tyle.",
        "Materiał jest cienki. Zatrzymam, ale chcę częściowy zwrot."},
       {"Kvalita je špatná, chci peníze zpět, ale nic posílat nebudu.",
        "Zboží vracet nebudu, to je váš problém, vraťte peníze.", "Za zpáteční poštovné platit nebudu, vraťte peníze.",
        "Látka je tenká. Nechám si to, ale chci částečnou refundaci."},
       {"Якість погана, хочу гроші назад, але нічого не повертатиму.",
        "Я не буду повертати товар, це ваша проблема, поверніть гроші.", "Я не платитиму за пересилку назад, просто поверніть гроші.",
        "Тканина тонка. Залишу собі, але хочу часткове повернення."}}}},
    // s_subscription
    {{{{"Why was I charged again?", "Subscription", "Unexpected payment"},
       {"Dlaczego znowu pobraliście opłatę?", "Subskrypcja", "Nieoczekiwana płatność"},
       {"Proč mi znovu strhli peníze?", "Předplatné", "Nečekaná platba"},
       {"Чому знову списали гроші?", "Підписка", "Неочікуваний платіж"}}},
     {{{"I was charged again this month, I thought the subscription was a one-off.",
        "I didn't know the subscription renews automatically.", "Please cancel my subscription and refund the last payment.",
        "Nobody told me this was a monthly plan."},
       {"W tym miesiącu znowu pobrano opłatę, myślałam, że subskrypcja była jednorazowa.",
        "Nie wiedziałem, że subskrypcja odnawia się automatycznie.", "Proszę anulować subskrypcję i zwrócić ostatnią płatność.",
        "Nikt mi nie powiedział, że to abonament miesięczny."},
       {"Tento měsíc mi znovu strhli platbu, myslela jsem, že předplatné bylo jednorázové.",
        "Nevěděl jsem, že se předplatné automaticky obnovuje.", "Prosím zrušte mi předplatné a vraťte poslední platbu.",
        "Nikdo mi neřekl, že je to měsíční předplatné."},
       {"Цього місяця знову списали гроші, я думала, що підписка була разова.",
        "Я не знав, що підписка поновлюється автоматично.", "Прошу скасувати підписку і повернути останній платіж.",
        "Ніхто не казав, що це щомісячна підписка."}}}},
    // s_demanding
    {{{{"Courier came at the wrong time", "Delivery time", "Change of delivery address"},
       {"Kurier przyjechał o złej porze", "Godzina dostawy", "Zmiana adresu w trakcie"},
       {"Kurýr přijel ve špatný čas", "Čas doručení", "Změna adresy během doručování"},
       {"Кур'єр приїхав не вчасно", "Час доставки", "Зміна адреси під час доставки"}}},
     {{{"I said the courier must come exactly at 14:00, not a minute later.",
        "I changed the delivery address while the courier was already on the way, why did he not follow it?",
        "The courier was 5 minutes late and I had already left.", "I need the delivery at an exact hour, this is the third attempt already."},
       {"Mówiłam, że kurier ma być dokładnie o 14:00, ani minuty później.",
        "Zmieniłem adres dostawy, kiedy kurier był już w drodze, dlaczego go nie uwzględnił?",
        "Kurier spóźnił się 5 minut, a ja już wyszłam.", "Potrzebuję dostawy o konkretnej godzinie, to już trzecia próba."},
       {"Říkala jsem, že kurýr musí přijet přesně ve 14:00, ani o minutu později.",
        "Změnil jsem adresu doručení, když už byl kurýr na cestě, proč ji nerespektoval?",
        "Kurýr měl 5 minut zpoždění a já už byla pryč.", "Potřebuji doručení v přesnou hodinu, je to už třetí pokus."},
       {"Я казала, що кур'єр має бути рівно о 14:00, ні хвилиною пізніше.",
        "Я змінив адресу доставки, коли кур'єр уже був у дорозі, чому він її не врахував?",
        "Кур'єр запізнився на 5 хвилин, а я вже пішла.", "Мені потрібна доставка точно в певну годину, це вже третя спроба."}}}},
    // s_pretext
    {{{{"Returning everything", "Late delivery", "Not as expected"},
       {"Zwracam wszystko", "Spóźniona dostawa", "Nie tak jak miało być"},
       {"Vracím vše", "Pozdní doručení", "Není to, co jsem čekal"},
       {"Повертаю все", "Запізнення доставки", "Не те, що очікувала"}}},
     {{{"The parcel arrived 2 minutes late so I am returning everything.", "The box was slightly dented, I am sending it all back.",
        "The label was crooked, I don't want any of it.", "The colour is a shade off, returning the whole order."},
       {"Paczka przyszła 2 minuty po czasie, więc zwracam wszystko.", "Karton był lekko wgnieciony, odsyłam całość.",
        "Etykieta była krzywo naklejona, nie chcę tego.", "Kolor odrobinę inny, zwracam całe zamówienie."},
       {"Balík přišel o 2 minuty později, takže vracím vše.", "Krabice byla trochu promáčklá, posílám všechno zpět.",
        "Štítek byl nakřivo, nic z toho nechci.", "Barva je o odstín jiná, vracím celou objednávku."},
       {"Посилка прийшла на 2 хвилини пізніше, тому повертаю все.", "Коробка трохи пом'ята, відправляю все назад.",
        "Наклейка була крива, нічого не хочу.", "Колір трохи інший, повертаю все замовлення."}}}},
    // s_cod
    {{{{"Cash on delivery", "Payment on delivery", "Question about payment"},
       {"Płatność przy odbiorze", "Za pobraniem", "Pytanie o płatność"},
       {"Dobírka", "Platba při převzetí", "Dotaz k platbě"},
       {"Накладений платіж", "Оплата при отриманні", "Питання щодо оплати"}}},
     {{{"Can I pay cash on delivery for the order?", "I ordered with cash on delivery, when will you ship it?",
        "Please ship to our company address, we will pay the courier in cash.", "I want to order five more pieces, payment on delivery."},
       {"Czy mogę zapłacić przy odbiorze?", "Zamówiłem za pobraniem, kiedy wyślecie?",
        "Proszę wysłać na adres firmy, zapłacimy kurierowi gotówką.", "Chcę zamówić jeszcze pięć sztuk, płatność za pobraniem."},
       {"Mohu zaplatit na dobírku?", "Objednal jsem na dobírku, kdy to odešlete?",
        "Pošlete to prosím na adresu firmy, zaplatíme kurýrovi hotově.", "Chci objednat ještě pět kusů, platba na dobírku."},
       {"Чи можна оплатити при отриманні?", "Я замовив накладеним платежем, коли відправите?",
        "Надішліть на адресу компанії, заплатимо кур'єру готівкою.", "Хочу замовити ще п'ять штук, оплата накладеним платежем."}}}},
    // s_invoice
    {{{{"Invoice", "VAT invoice please", "Missing invoice"},
       {"Faktura", "Prośba o fakturę VAT", "Brak faktury"},
       {"Faktura", "Prosím o fakturu", "Chybí faktura"},
       {"Рахунок-фактура", "Прошу рахунок", "Немає рахунку"}}},
     {{{"Could you send me a VAT invoice for the order?", "The invoice was not in the parcel.",
        "I need an invoice with our company details.", "Please correct the tax number on the invoice."},
       {"Czy mogę prosić o fakturę VAT do zamówienia?", "W paczce nie było faktury.",
        "Potrzebuję faktury na firmę.", "Proszę poprawić NIP na fakturze."},
       {"Můžete mi poslat fakturu k objednávce?", "V balíku nebyla faktura.",
        "Potřebuji fakturu na firmu.", "Prosím opravte IČO na faktuře."},
       {"Чи можете надіслати рахунок-фактуру?", "У посилці не було рахунку.",
        "Мені потрібен рахунок на компанію.", "Прошу виправити податковий номер у рахунку."}}}},
    // s_question
    {{{{"Question", "Sizes", "Product question"},
       {"Pytanie", "Rozmiary", "Pytanie o produkt"},
       {"Dotaz", "Velikosti", "Dotaz na produkt"},
       {"Питання", "Розміри", "Питання про товар"}}},
     {{{"Do you have this duvet cover in 220x240?", "Can the linen be washed at 60 degrees?",
        "Will the grey colour be back in stock?", "Is it possible to add a gift note?"},
       {"Czy macie tę pościel w rozmiarze 220x240?", "Czy len można prać w 60 stopniach?",
        "Czy szary kolor wróci do sprzedaży?", "Czy można dodać liścik do prezentu?"},
       {"Máte tento povlak ve velikosti 220x240?", "Dá se len prát na 60 stupňů?",
        "Bude šedá barva znovu skladem?", "Je možné přidat vzkaz k dárku?"},
       {"Чи є ця підковдра у розмірі 220x240?", "Чи можна прати льон при 60 градусах?",
        "Чи з'явиться сірий колір знову?", "Чи можна додати листівку до подарунка?"}}}},
    // s_violence
    {{{{"You will regret this", "Final warning", "!!!"},
       {"Pożałujecie", "Ostatnie ostrzeżenie", "!!!"},
       {"Budete litovat", "Poslední varování", "!!!"},
       {"Ви пошкодуєте", "Останнє попередження", "!!!"}}},
     {{{"I know where your shop is and I will come and smash everything.", "You will regret this, I will hurt someone.",
        "If I don't get my money I will come with my friends and you will see.", "I will burn your warehouse down."},
       {"Wiem, gdzie jest wasz sklep, przyjadę i wszystko rozwalę.", "Pożałujecie, zrobię komuś krzywdę.",
        "Jak nie dostanę pieniędzy, przyjadę z kolegami i zobaczycie.", "Spalę wam ten magazyn."},
       {"Vím, kde je váš obchod, přijedu a všechno rozbiju.", "Budete litovat, někomu ublížím.",
        "Jestli nedostanu peníze, přijedu s kamarády a uvidíte.", "Podpálím vám sklad."},
       {"Я знаю, де ваш магазин, приїду і все розтрощу.", "Ви пошкодуєте, я когось скалічу.",
        "Якщо не отримаю гроші, приїду з друзями, і ви побачите.", "Я спалю ваш склад."}}}},
}};

// Sentences that frame a message: greetings, context and closings.
inline constexpr std::array<List<4>, 4> greetings = {{
    {"Hello,", "Hi,", "Good morning,", "Dear shop,"},
    {"Dzień dobry,", "Witam,", "Cześć,", "Szanowni Państwo,"},
    {"Dobrý den,", "Zdravím,", "Ahoj,", "Vážení,"},
    {"Добрий день,", "Вітаю,", "Привіт,", "Шановні,"},
}};
inline constexpr std::array<List<8>, 4> context = {{
    {"I ordered a set of linen from you at the beginning of the month.", "It was supposed to be a birthday present.",
     "This is not my first order with you.", "I paid straight away.", "I tried to call but nobody answered.",
     "Your website said delivery within two days.", "My order number is {o}.", "I have been a customer for a year."},
    {"Zamówiłam u was komplet pościeli na początku miesiąca.", "To miał być prezent na urodziny.",
     "To nie jest moje pierwsze zamówienie u was.", "Zapłaciłem od razu.", "Próbowałam dzwonić, ale nikt nie odbiera.",
     "Na stronie było napisane, że dostawa w dwa dni.", "Numer zamówienia to {o}.", "Jestem waszą klientką od roku."},
    {"Objednala jsem si u vás povlečení na začátku měsíce.", "Měl to být dárek k narozeninám.",
     "Není to moje první objednávka u vás.", "Zaplatil jsem hned.", "Zkoušela jsem volat, ale nikdo to nebere.",
     "Na webu jste psali doručení do dvou dnů.", "Číslo objednávky je {o}.", "Jsem vaše zákaznice už rok."},
    {"Я замовила у вас комплект білизни на початку місяця.", "Це мав бути подарунок на день народження.",
     "Це не перше моє замовлення у вас.", "Я оплатив одразу.", "Я намагалася дзвонити, але ніхто не відповідає.",
     "На сайті було написано, що доставка за два дні.", "Номер замовлення {o}.", "Я ваша клієнтка вже рік."},
}};
inline constexpr std::array<List<6>, 4> closings = {{
    {"Please help.", "Thank you in advance.", "I look forward to your reply.", "Regards.", "Please reply quickly.", "Thanks."},
    {"Proszę o pomoc.", "Z góry dziękuję.", "Czekam na odpowiedź.", "Pozdrawiam.", "Proszę o szybką odpowiedź.", "Dziękuję."},
    {"Prosím o pomoc.", "Předem děkuji.", "Čekám na odpověď.", "S pozdravem.", "Prosím o rychlou odpověď.", "Děkuji."},
    {"Прошу допомогти.", "Заздалегідь дякую.", "Чекаю на відповідь.", "З повагою.", "Прошу швидко відповісти.", "Дякую."},
}};

inline constexpr std::array<List<5>, 4> review_texts = {{
    {"Beautiful linen, fast delivery.", "Good quality, would buy again.", "Terribly slow delivery.",
     "Fell apart after one wash.", "OK for the price."},
    {"Piękna pościel, szybka dostawa.", "Dobra jakość, polecam.", "Fatalnie wolna wysyłka.",
     "Pościel zmechaciła się po pierwszym praniu.", "W porządku za tę cenę."},
    {"Krásné povlečení, doporučuji!", "Kvalitní zboží, rychlé dodání.", "Strašně pomalé doručení.",
     "Po prvním praní se to rozpadlo.", "Za tu cenu dobré."},
    {"Чудова білизна, швидка доставка.", "Гарна якість, рекомендую.", "Жахливо повільна доставка.",
     "Розлізлося після першого прання.", "Нормально за такі гроші."},
}};

}  // namespace bench
