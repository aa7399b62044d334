// SPDX-License-Identifier: MIT
// gen_corpus: writes a synthetic hub-XML corpus (studies and transcripts in Russian, Kazakh and
// English) and the same text as HTML files (for omindex) and a 0x1F/0x1E-separated table (for
// SQLite FTS5). Deterministic: the same seed, word lists and data files give the same bytes.
//
// Usage: gen_corpus --records N --seed S --words DIR --data DIR --out DIR [--no-html]
// DIR given to --words holds forms-ru.txt, forms-kk.txt and forms-en.txt (one word form a
// line, e.g. hunspell's unmunch output); --data is the project's data/ folder.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

// splitmix64: tiny, fast and fully specified, so that output does not depend on the standard
// library's distributions (whose algorithms are implementation-defined).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    // Uniform in [lo, hi].
    int range(int lo, int hi) {
        return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return uniform() < p; }
    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[next() % v.size()];
    }

private:
    std::uint64_t state_;
};

// The most frequent words of each language, most frequent first: function words and the
// domain's vocabulary, with a few fixed collocations kept together so that phrase queries
// find real matches. The long tail comes from the hunspell forms.
const char* const head_ru[] = {"и",
                               "в",
                               "на",
                               "не",
                               "с",
                               "что",
                               "по",
                               "для",
                               "государственной службы",
                               "как",
                               "к",
                               "из",
                               "о",
                               "это",
                               "а",
                               "от",
                               "также",
                               "государственных",
                               "служащих",
                               "управления",
                               "при",
                               "органов",
                               "системы",
                               "оплата труда",
                               "развития",
                               "реформы",
                               "граждан",
                               "кадровой",
                               "политики",
                               "работы",
                               "оценки",
                               "государственной",
                               "службы",
                               "государственные",
                               "услуги",
                               "меритократии",
                               "государственного управления",
                               "эффективности",
                               "должности",
                               "исследование",
                               "опыт",
                               "странах",
                               "отбора",
                               "конкурсного",
                               "цифровой",
                               "трансформации",
                               "электронное правительство",
                               "кадровый резерв",
                               "обучения",
                               "повышения",
                               "квалификации",
                               "система",
                               "модель",
                               "реформа",
                               "государства",
                               "коррупции",
                               "противодействия",
                               "добропорядочности",
                               "этики",
                               "результатов",
                               "деятельности",
                               "министерства",
                               "области",
                               "региона",
                               "населения",
                               "центров",
                               "обслуживания",
                               "оплаты",
                               "труда",
                               "заработной",
                               "платы",
                               "грейдинга",
                               "карьеры",
                               "продвижения",
                               "заслугам",
                               "молодёжный",
                               "резерв",
                               "инноваций",
                               "лабораторий",
                               "изменений",
                               "коммуникации",
                               "каналов",
                               "история",
                               "независимости",
                               "закона",
                               "указа",
                               "года",
                               "годы",
                               "программы",
                               "проекта",
                               "анализа",
                               "данных",
                               "показателей",
                               "мотивации",
                               "руководителей",
                               "кандидатов",
                               "тестирования",
                               "онлайн",
                               "доверия",
                               "прозрачности",
                               "подотчётности",
                               "бюрократии",
                               "дебюрократизации",
                               "процедур",
                               "цифровизации",
                               "искусственного",
                               "интеллекта",
                               "центральных",
                               "местных",
                               "исполнительных",
                               "агентство",
                               "по делам государственной службы",
                               "республики",
                               "казахстан",
                               "опыта",
                               "зарубежных",
                               "стран",
                               "международного",
                               "сотрудничества",
                               "хаба",
                               "участниц"};

const char* const head_kk[] = {"және",
                               "мен",
                               "бұл",
                               "үшін",
                               "да",
                               "де",
                               "бойынша",
                               "мемлекеттік қызмет",
                               "мемлекеттік",
                               "қызмет",
                               "қызметшілер",
                               "қызметшілердің",
                               "басқару",
                               "жүйесі",
                               "жүйесін",
                               "реформа",
                               "реформасы",
                               "азаматтар",
                               "азаматтарға",
                               "қызметтер",
                               "көрсету",
                               "еңбекақы",
                               "төлеу",
                               "еңбекақы төлеу",
                               "меритократия",
                               "сыбайлас жемқорлыққа қарсы",
                               "сыбайлас",
                               "жемқорлық",
                               "адалдық",
                               "цифрлық",
                               "трансформация",
                               "цифрландыру",
                               "кадр",
                               "кадрлық",
                               "саясат",
                               "саясаты",
                               "резерв",
                               "жастар",
                               "даярлау",
                               "біліктілігін",
                               "арттыру",
                               "оқыту",
                               "бағалау",
                               "нәтиже",
                               "нәтижелері",
                               "тиімділігі",
                               "тиімділік",
                               "өзгерістерді басқару",
                               "өзгерістер",
                               "инновация",
                               "зертхана",
                               "халыққа қызмет көрсету",
                               "орталықтары",
                               "орган",
                               "органдары",
                               "министрлік",
                               "облыс",
                               "аудан",
                               "ел",
                               "елдер",
                               "елдердің",
                               "тәжірибе",
                               "тәжірибесі",
                               "халықаралық",
                               "ынтымақтастық",
                               "хаб",
                               "зерттеу",
                               "зерттеулер",
                               "жыл",
                               "жылы",
                               "жылдары",
                               "заң",
                               "заңы",
                               "жарлық",
                               "бағдарлама",
                               "жоба",
                               "жобалар",
                               "деректер",
                               "көрсеткіштер",
                               "уәждеме",
                               "басшылар",
                               "үміткерлер",
                               "тестілеу",
                               "онлайн",
                               "сенім",
                               "ашықтық",
                               "есептілік",
                               "бюрократия",
                               "рәсімдер",
                               "жасанды интеллект",
                               "орталық",
                               "жергілікті",
                               "атқарушы",
                               "агенттік",
                               "республикасы",
                               "қазақстан",
                               "тарих",
                               "тарихы",
                               "тәуелсіздік",
                               "мансап",
                               "конкурс",
                               "іріктеу",
                               "лауазым",
                               "лауазымдар",
                               "қағидаттары",
                               "негізінде",
                               "арқылы",
                               "туралы",
                               "кейін",
                               "бірақ",
                               "сондықтан",
                               "өте",
                               "көп",
                               "жаңа",
                               "барлық",
                               "әр",
                               "біз",
                               "олар",
                               "осы"};

const char* const head_en[] = {"the",
                               "of",
                               "and",
                               "to",
                               "in",
                               "a",
                               "is",
                               "for",
                               "that",
                               "on",
                               "with",
                               "as",
                               "by",
                               "are",
                               "civil service",
                               "public",
                               "service",
                               "civil",
                               "servants",
                               "government",
                               "public administration",
                               "administration",
                               "reform",
                               "reforms",
                               "performance",
                               "management",
                               "performance management",
                               "pay",
                               "salary",
                               "grading",
                               "merit",
                               "meritocracy",
                               "recruitment",
                               "selection",
                               "online",
                               "training",
                               "integrity",
                               "corruption",
                               "anti-corruption",
                               "ethics",
                               "digital",
                               "digital transformation",
                               "transformation",
                               "innovation",
                               "innovation labs",
                               "change",
                               "change management",
                               "communication",
                               "citizens",
                               "delivery",
                               "one-stop shops",
                               "centres",
                               "ministry",
                               "ministries",
                               "agency",
                               "countries",
                               "country",
                               "experience",
                               "international",
                               "cooperation",
                               "hub",
                               "study",
                               "studies",
                               "evidence",
                               "research",
                               "year",
                               "years",
                               "law",
                               "decree",
                               "programme",
                               "project",
                               "projects",
                               "data",
                               "indicators",
                               "motivation",
                               "managers",
                               "candidates",
                               "testing",
                               "trust",
                               "transparency",
                               "accountability",
                               "bureaucracy",
                               "procedures",
                               "artificial intelligence",
                               "central",
                               "local",
                               "executive",
                               "republic",
                               "kazakhstan",
                               "history",
                               "independence",
                               "career",
                               "competition",
                               "positions",
                               "principles",
                               "based",
                               "through",
                               "about",
                               "after",
                               "but",
                               "therefore",
                               "very",
                               "many",
                               "new",
                               "all",
                               "each",
                               "we",
                               "they",
                               "this",
                               "was",
                               "were",
                               "has",
                               "have",
                               "it",
                               "not",
                               "be",
                               "more",
                               "staff",
                               "officials",
                               "appraisal",
                               "youth",
                               "personnel",
                               "reserve",
                               "competency",
                               "model"};

struct Language {
    std::string code;
    std::vector<std::string> words;  // by rank, most frequent first
    std::vector<double> cumulative;  // Zipf-Mandelbrot weights, cumulated and normalised

    const std::string& sample(Rng& rng) const {
        const double u = rng.uniform();
        auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
        if (it == cumulative.end()) --it;
        return words[static_cast<std::size_t>(it - cumulative.begin())];
    }
};

// Decodes UTF-8 and says whether every character is a lower-case letter of the language.
bool is_lower_word(std::string_view w, const std::string& lang) {
    std::size_t i = 0;
    std::size_t chars = 0;
    while (i < w.size()) {
        const auto c = static_cast<unsigned char>(w[i]);
        char32_t cp = 0;
        int len = 0;
        if (c < 0x80) {
            cp = c;
            len = 1;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F;
            len = 2;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F;
            len = 3;
        } else {
            return false;
        }
        if (i + static_cast<std::size_t>(len) > w.size()) return false;
        for (int k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(w[i + k]) & 0x3F);
        i += static_cast<std::size_t>(len);
        ++chars;
        bool ok = false;
        if (lang == "en") {
            ok = cp >= 'a' && cp <= 'z';
        } else {
            ok = (cp >= 0x430 && cp <= 0x44F) || cp == 0x451;
            if (lang == "kk") {
                // ә ғ қ ң ө ұ ү һ і
                ok = ok || cp == 0x4D9 || cp == 0x493 || cp == 0x49B || cp == 0x4A3 ||
                     cp == 0x4E9 || cp == 0x4B1 || cp == 0x4AF || cp == 0x4BB || cp == 0x456;
            }
        }
        if (!ok) return false;
    }
    return chars >= 2 && chars <= 24;
}

Language load_language(const std::string& code, const char* const* head, std::size_t head_count,
                       const fs::path& forms_file, std::uint64_t seed) {
    Language lang;
    lang.code = code;
    std::vector<std::string> tail;
    std::ifstream in(forms_file);
    if (!in) {
        std::cerr << "gen_corpus: cannot read " << forms_file << '\n';
        std::exit(2);
    }
    std::string line;
    while (std::getline(in, line)) {
        if (const auto slash = line.find('/'); slash != std::string::npos) line.resize(slash);
        if (is_lower_word(line, code)) tail.push_back(line);
    }
    // Sorting first makes the result independent of the order the forms were listed in.
    std::sort(tail.begin(), tail.end());
    tail.erase(std::unique(tail.begin(), tail.end()), tail.end());
    Rng rng(seed ^ std::hash<std::string>{}(code));
    for (std::size_t i = tail.size(); i > 1; --i) {
        std::swap(tail[i - 1], tail[rng.next() % i]);
    }
    lang.words.assign(head, head + head_count);
    lang.words.insert(lang.words.end(), tail.begin(), tail.end());
    // Zipf-Mandelbrot with s = 1.07 and q = 2.7: close to measured word frequencies in
    // Russian and English text, with a long tail of rare inflected forms.
    lang.cumulative.resize(lang.words.size());
    double sum = 0;
    for (std::size_t r = 0; r < lang.words.size(); ++r) {
        sum += 1.0 / std::pow(static_cast<double>(r) + 1.0 + 2.7, 1.07);
        lang.cumulative[r] = sum;
    }
    for (auto& c : lang.cumulative) c /= sum;
    return lang;
}

struct Topic {
    std::string id;
    std::map<std::string, std::vector<std::string>> labels;  // by language
};

struct Country {
    std::string code;
    std::map<std::string, std::string> names;  // display name by language
};

std::vector<std::vector<std::string>> read_tsv(const fs::path& file) {
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(file);
    if (!in) {
        std::cerr << "gen_corpus: cannot read " << file << '\n';
        std::exit(2);
    }
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        std::string col;
        while (std::getline(ss, col, '\t')) cols.push_back(col);
        if (cols.size() >= 3) rows.push_back(cols);
    }
    return rows;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// Upper-cases the first letter (ASCII or two-byte Cyrillic) to start a sentence.
std::string capitalise(std::string w) {
    if (w.empty()) return w;
    const auto c = static_cast<unsigned char>(w[0]);
    if (c >= 'a' && c <= 'z') {
        w[0] = static_cast<char>(c - 32);
    } else if (w.size() >= 2 && c == 0xD0) {
        const auto d = static_cast<unsigned char>(w[1]);
        if (d >= 0xB0 && d <= 0xBF) w[1] = static_cast<char>(d - 0x20);  // а..п -> А..П
    } else if (w.size() >= 2 && c == 0xD1) {
        const auto d = static_cast<unsigned char>(w[1]);
        if (d >= 0x80 && d <= 0x8F) {  // р..я -> Р..Я
            w[0] = static_cast<char>(0xD0);
            w[1] = static_cast<char>(d + 0x20);
        }
    }
    return w;
}

struct Names {
    std::vector<std::string> first, last;
};

const std::map<std::string, Names> person_names = {
    {"ru",
     {{"Алексей", "Ирина", "Дмитрий", "Ольга", "Сергей", "Наталья", "Андрей", "Елена", "Максим",
       "Татьяна", "Павел", "Марина"},
      {"Иванов", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева", "Морозов", "Новикова",
       "Волков", "Фёдорова", "Ковалёв", "Орлова"}}},
    {"kk",
     {{"Айгерім", "Нұрлан", "Дархан", "Гүлнара", "Ерлан", "Әсел", "Бауыржан", "Мәдина", "Серік",
       "Жанар", "Қанат", "Динара"},
      {"Сәдуақасова", "Ахметов", "Жақсылықов", "Нұрпейісова", "Төлеубаев", "Қасымова", "Оспанов",
       "Бекова", "Сейітқали", "Әбілов", "Жұмабаева", "Қалиев"}}},
    {"en",
     {{"James", "Claire", "Daniel", "Sarah", "Michael", "Anna", "David", "Laura", "Peter", "Maria",
       "John", "Emma"},
      {"Perry", "Martin", "Okafor", "Kim", "Lee", "Dewulf", "Beridze", "Demir", "Hakobyan",
       "Mammadov", "Choi", "Smith"}}}};

const std::vector<std::string> affiliations = {"Astana Civil Service Hub",
                                               "Academy of Public Administration",
                                               "World Bank",
                                               "UNDP",
                                               "OECD",
                                               "Агентство по делам государственной службы",
                                               "Министерство цифрового развития",
                                               "Мемлекеттік басқару академиясы",
                                               "Korea Institute of Public Administration",
                                               "Indiana University",
                                               "Ankara University",
                                               "Civil Service Bureau of Georgia"};
const std::vector<std::string> roles = {"moderator",
                                        "professor",
                                        "director",
                                        "adviser",
                                        "chairman",
                                        "research fellow",
                                        "заместитель директора",
                                        "директор департамента",
                                        "бас сарапшы"};
const std::vector<std::string> places = {"Astana",  "Almaty", "Bishkek", "Tashkent", "Baku",
                                         "Tbilisi", "Seoul",  "Москва",  "Алматы",   "Шымкент"};
const std::vector<std::string> session_types = {"plenary", "panel",    "roundtable",
                                                "seminar", "workshop", "other"};

struct Output {
    fs::path out;
    bool html = true;
    std::FILE* table = nullptr;  // FTS5 import: fields split by 0x1F, records by 0x1E
    std::uint64_t text_bytes = 0, xml_bytes = 0, html_bytes = 0;
    std::uint64_t records = 0, studies = 0, speeches = 0, transcripts = 0, words = 0;
    std::map<std::string, std::uint64_t> records_by_lang;
};

// One record as the other tools see it: its titles and text, and the filter values.
struct FlatRecord {
    std::string id, type, lang, date, title, body;
    std::vector<std::string> countries, topics;
};

void write_file(const fs::path& path, const std::string& content) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || std::fwrite(content.data(), 1, content.size(), f) != content.size() ||
        std::fclose(f) != 0) {
        std::cerr << "gen_corpus: cannot write " << path << ": " << std::strerror(errno) << '\n';
        std::exit(2);
    }
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

// Writes the record's HTML page (its mtime set to the record's date, so that omindex's Y/M/D
// date terms give quest the year filter) and its row of the FTS5 table.
void emit_flat(Output& o, const FlatRecord& r) {
    ++o.records;
    ++o.records_by_lang[r.lang];
    o.text_bytes += r.title.size() + 1 + r.body.size();
    std::string row;
    row += r.id + '\x1f' + r.type + '\x1f' + r.lang + '\x1f' + r.date.substr(0, 4) + '\x1f' +
           join(r.countries, " ") + '\x1f' + join(r.topics, " ") + '\x1f' + r.title + '\x1f' +
           r.body + '\x1e';
    std::fwrite(row.data(), 1, row.size(), o.table);
    if (!o.html) return;
    std::string name = r.id;
    std::replace(name.begin(), name.end(), '/', '_');
    const fs::path dir = o.out / "html" / std::to_string((o.records - 1) / 1000);
    if ((o.records - 1) % 1000 == 0) fs::create_directories(dir);
    const fs::path file = dir / (name + ".html");
    std::string page = "<!DOCTYPE html>\n<html lang=\"" + r.lang +
                       "\"><head><meta charset=\"utf-8\"><title>" + xml_escape(r.title) +
                       "</title><meta name=\"keywords\" content=\"" + join(r.countries, " ") + " " +
                       join(r.topics, " ") + "\"></head>\n<body><p>" + xml_escape(r.body) +
                       "</p></body></html>\n";
    o.html_bytes += page.size();
    write_file(file, page);
    struct tm tm {};
    tm.tm_year = std::atoi(r.date.substr(0, 4).c_str()) - 1900;
    tm.tm_mon = r.date.size() >= 7 ? std::atoi(r.date.substr(5, 2).c_str()) - 1 : 0;
    tm.tm_mday = r.date.size() >= 10 ? std::atoi(r.date.substr(8, 2).c_str()) : 1;
    tm.tm_hour = 12;
    const struct timespec times[2] = {{timegm(&tm), 0}, {timegm(&tm), 0}};
    utimensat(AT_FDCWD, file.c_str(), times, 0);
}

class Generator {
public:
    Generator(std::uint64_t seed, std::map<std::string, Language> langs, std::vector<Topic> topics,
              std::vector<Country> countries, Output& out)
        : rng_(seed),
          langs_(std::move(langs)),
          topics_(std::move(topics)),
          countries_(std::move(countries)),
          out_(out) {}

    void run(std::uint64_t records) {
        std::uint64_t doc = 0;
        while (out_.records < records) {
            const std::uint64_t left = records - out_.records;
            // About 80 % of documents are studies (one record each) and the rest transcripts
            // of about 18 speeches, so that a fifth of the records are studies.
            if (rng_.chance(0.81) || left < 3) {
                study(doc);
            } else {
                transcript(doc, left);
            }
            ++doc;
        }
    }

private:
    std::string pick_lang(const std::string& main) {
        if (!main.empty() && rng_.chance(0.75)) return main;
        const double u = rng_.uniform();
        return u < 0.45 ? "ru" : u < 0.70 ? "kk" : "en";
    }

    std::string sentence(const std::string& lang) {
        const Language& l = langs_.at(lang);
        const int n = rng_.range(6, 20);
        std::string s;
        for (int i = 0; i < n; ++i) {
            const std::string& w = l.sample(rng_);
            if (i == 0) {
                s += capitalise(w);
            } else {
                s += (rng_.chance(0.06) ? ", " : " ") + w;
            }
        }
        out_.words += static_cast<std::uint64_t>(n);
        return s + '.';
    }

    // A paragraph of about `words` words.
    std::string paragraph(const std::string& lang, int words) {
        std::string p;
        const std::uint64_t start = out_.words;
        while (out_.words - start < static_cast<std::uint64_t>(words)) {
            p += (p.empty() ? "" : " ") + sentence(lang);
        }
        return p;
    }

    std::string title(const std::string& lang) {
        const Language& l = langs_.at(lang);
        std::string t = capitalise(l.sample(rng_));
        const int n = rng_.range(3, 9);
        for (int i = 1; i < n; ++i) t += " " + l.sample(rng_);
        return t;
    }

    std::string date(int year) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, rng_.range(1, 12),
                      rng_.range(1, 28));
        return buf;
    }

    std::string person(const std::string& lang) {
        const Names& n = person_names.at(lang);
        return rng_.pick(n.first) + " " + rng_.pick(n.last);
    }

    // A topic as a document names it: usually the id, sometimes a label in some language.
    std::string topic_value(const Topic& t) {
        if (rng_.chance(0.6)) return t.id;
        const auto& labels = t.labels.begin()->second;
        auto it = t.labels.begin();
        std::advance(it, static_cast<long>(rng_.next() % t.labels.size()));
        return it->second.empty() ? labels.front() : rng_.pick(it->second);
    }

    // A Zipf-like choice among the first items: a few topics and countries dominate.
    std::size_t skewed(std::size_t n) {
        const double u = rng_.uniform();
        return std::min(n - 1, static_cast<std::size_t>(std::pow(u, 2.5) * static_cast<double>(n)));
    }

    const Country& country() { return countries_[skewed(countries_.size())]; }
    const Topic& topic() { return topics_[skewed(topics_.size())]; }

    std::string country_value(const Country& c) {
        if (rng_.chance(0.7)) return c.code;
        auto it = c.names.begin();
        std::advance(it, static_cast<long>(rng_.next() % c.names.size()));
        return it->second;
    }

    fs::path xml_path(std::uint64_t doc, const std::string& name) {
        const fs::path dir = out_.out / "xml" / std::to_string(doc / 1000);
        if (doc % 1000 == 0 || !fs::exists(dir)) fs::create_directories(dir);
        return dir / name;
    }

    void study(std::uint64_t doc) {
        const std::string lang = pick_lang("");
        const int year = rng_.range(2013, 2026);
        char idbuf[32];
        std::snprintf(idbuf, sizeof idbuf, "ST-%d-%07llu", year,
                      static_cast<unsigned long long>(doc));
        FlatRecord r;
        r.id = idbuf;
        r.type = "study";
        r.lang = lang;
        r.date = date(year);
        std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<study id=\"" + r.id +
                        "\" lang=\"" + lang + "\">\n";
        r.title = title(lang);
        x += "  <title>" + xml_escape(r.title) + "</title>\n";
        if (lang != "en" && rng_.chance(0.5)) {
            const std::string en = title("en");
            x += "  <title lang=\"en\">" + xml_escape(en) + "</title>\n";
            r.title += " " + en;
        }
        for (int a = rng_.range(1, 3); a > 0; --a) {
            const Country& c = country();
            x += "  <author country=\"" + c.code + "\" affiliation=\"" +
                 xml_escape(rng_.pick(affiliations)) + "\">" + person(pick_lang(lang)) +
                 "</author>\n";
        }
        x += "  <date>" + r.date.substr(0, rng_.chance(0.5) ? 7 : 10) + "</date>\n";
        x += "  <publisher>Astana Civil Service Hub</publisher>\n";
        for (int t = rng_.range(1, 3); t > 0; --t) {
            const Topic& tp = topic();
            if (std::find(r.topics.begin(), r.topics.end(), tp.id) != r.topics.end()) continue;
            r.topics.push_back(tp.id);
            x += "  <topic>" + xml_escape(topic_value(tp)) + "</topic>\n";
        }
        for (int c = rng_.range(1, 3); c > 0; --c) {
            const Country& ct = country();
            if (std::find(r.countries.begin(), r.countries.end(), ct.code) != r.countries.end())
                continue;
            r.countries.push_back(ct.code);
            x += "  <country>" + xml_escape(country_value(ct)) + "</country>\n";
        }
        x += "  <keyword>" + xml_escape(title(lang)) + "</keyword>\n";
        x += "  <link>https://example.org/studies/" + r.id + ".pdf</link>\n";
        std::string body;
        const auto add = [&](const std::string& text) { body += (body.empty() ? "" : " ") + text; };
        x += "  <abstract><p>";
        std::string abstract = paragraph(lang, rng_.range(50, 120));
        x += xml_escape(abstract) + "</p></abstract>\n";
        add(abstract);
        // Lognormal-like length: most studies 600-2000 words, a few much longer.
        const int sections = 1 + static_cast<int>(std::pow(rng_.uniform(), 3.0) * 9);
        for (int s = 0; s < sections; ++s) {
            const std::string heading = title(lang);
            add(heading);
            x += "  <section title=\"" + xml_escape(heading) + "\">\n";
            for (int p = rng_.range(1, 3); p > 0; --p) {
                const std::string para = paragraph(lang, rng_.range(40, 110));
                add(para);
                x += "    <p>" + xml_escape(para) + "</p>\n";
            }
            x += "  </section>\n";
        }
        x += "</study>\n";
        r.body = std::move(body);
        ++out_.studies;
        out_.xml_bytes += x.size();
        write_file(xml_path(doc, r.id + ".xml"), x);
        emit_flat(out_, r);
    }

    void transcript(std::uint64_t doc, std::uint64_t budget) {
        const std::string lang = pick_lang("");
        const int year = rng_.range(2013, 2026);
        char idbuf[32];
        std::snprintf(idbuf, sizeof idbuf, "CONF-%d-%07llu", year,
                      static_cast<unsigned long long>(doc));
        const std::string id = idbuf;
        const std::string event_date = date(year);
        const std::string event_title = title(lang);
        std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<transcript id=\"" + id +
                        "\" lang=\"" + lang + "\">\n  <event>\n    <title>" +
                        xml_escape(event_title) + "</title>\n";
        if (lang != "en") x += "    <title lang=\"en\">" + xml_escape(title("en")) + "</title>\n";
        x += "    <date>" + event_date + "</date>\n    <place>" + rng_.pick(places) +
             "</place>\n    <organizer>Astana Civil Service Hub</organizer>\n  </event>\n";
        struct Participant {
            std::string id, country;
        };
        std::vector<Participant> people;
        for (int p = rng_.range(4, 12); p > 0; --p) {
            const std::string plang = pick_lang(lang);
            Participant pp{"p" + std::to_string(people.size() + 1), country().code};
            x += "  <participant id=\"" + pp.id + "\" country=\"" + pp.country +
                 "\" affiliation=\"" + xml_escape(rng_.pick(affiliations)) + "\" role=\"" +
                 rng_.pick(roles) + "\">" + person(plang) + "</participant>\n";
            people.push_back(pp);
        }
        std::uint64_t written = 0;
        const int sessions = rng_.range(2, 5);
        for (int s = 1; s <= sessions && written < budget; ++s) {
            const std::string sid = "s" + std::to_string(s);
            const std::string sdate = event_date.substr(0, 8) + event_date.substr(8);
            const std::string stype = rng_.pick(session_types);
            const std::string stitle = title(lang);
            x += "  <session id=\"" + sid + "\" type=\"" + stype + "\">\n    <title>" +
                 xml_escape(stitle) + "</title>\n";
            std::vector<std::string> stopics;
            for (int t = rng_.range(1, 2); t > 0; --t) {
                const Topic& tp = topic();
                if (std::find(stopics.begin(), stopics.end(), tp.id) != stopics.end()) continue;
                stopics.push_back(tp.id);
                x += "    <topic>" + xml_escape(topic_value(tp)) + "</topic>\n";
            }
            const int speeches = rng_.range(3, 8);
            for (int n = 1; n <= speeches && written < budget; ++n) {
                const std::string slang = pick_lang(lang);
                FlatRecord r;
                r.id = id + "/" + sid + "/" + std::to_string(n);
                r.type = "speech";
                r.lang = slang;
                r.date = event_date;
                r.topics = stopics;
                r.title = stitle + " " + event_title;
                std::string speaker;
                if (rng_.chance(0.9)) {
                    const Participant& p = rng_.pick(people);
                    r.countries.push_back(p.country);
                    speaker = "who=\"" + p.id + "\"";
                } else {
                    const Country& c = country();
                    r.countries.push_back(c.code);
                    speaker = "speaker=\"" + person(slang) + "\" country=\"" + c.code + "\"";
                }
                x += "    <speech " + speaker + " lang=\"" + slang + "\">\n";
                std::string body;
                // Speeches: mostly short interventions, some long reports.
                const int paras = 1 + static_cast<int>(std::pow(rng_.uniform(), 3.0) * 4);
                for (int p = 0; p < paras; ++p) {
                    const std::string para = paragraph(slang, rng_.range(25, 90));
                    body += (body.empty() ? "" : " ") + para;
                    x += "      <p>" + xml_escape(para) + "</p>\n";
                }
                x += "    </speech>\n";
                r.body = std::move(body);
                ++out_.speeches;
                ++written;
                emit_flat(out_, r);
            }
            x += "  </session>\n";
        }
        x += "</transcript>\n";
        ++out_.transcripts;
        out_.xml_bytes += x.size();
        write_file(xml_path(doc, id + ".xml"), x);
    }

    Rng rng_;
    std::map<std::string, Language> langs_;
    std::vector<Topic> topics_;
    std::vector<Country> countries_;
    Output& out_;
};

[[noreturn]] void usage() {
    std::cerr << "Usage: gen_corpus --records N --seed S --words DIR --data DIR --out DIR "
                 "[--no-html]\n";
    std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t records = 1000, seed = 1;
    fs::path words_dir, data_dir, out_dir;
    bool html = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage();
            return argv[++i];
        };
        if (a == "--records") {
            records = std::strtoull(value().c_str(), nullptr, 10);
        } else if (a == "--seed") {
            seed = std::strtoull(value().c_str(), nullptr, 10);
        } else if (a == "--words") {
            words_dir = value();
        } else if (a == "--data") {
            data_dir = value();
        } else if (a == "--out") {
            out_dir = value();
        } else if (a == "--no-html") {
            html = false;
        } else {
            usage();
        }
    }
    if (words_dir.empty() || data_dir.empty() || out_dir.empty() || records == 0) usage();

    std::map<std::string, Language> langs;
    langs["ru"] =
        load_language("ru", head_ru, std::size(head_ru), words_dir / "forms-ru.txt", seed);
    langs["kk"] =
        load_language("kk", head_kk, std::size(head_kk), words_dir / "forms-kk.txt", seed);
    langs["en"] =
        load_language("en", head_en, std::size(head_en), words_dir / "forms-en.txt", seed);

    std::vector<Topic> topics;
    for (const auto& row : read_tsv(data_dir / "topics.tsv")) {
        if (topics.empty() || topics.back().id != row[0]) topics.push_back({row[0], {}});
        topics.back().labels[row[1]].push_back(row[2]);
    }
    std::vector<Country> countries;
    for (const auto& row : read_tsv(data_dir / "countries.tsv")) {
        if (countries.empty() || countries.back().code != row[0]) countries.push_back({row[0], {}});
        countries.back().names.emplace(row[1], row[2]);  // the first name per language
    }
    // The hub's own region first, so that the skewed choice favours it as real data does.
    const std::vector<std::string> region = {"KZ", "KG", "UZ", "TJ", "AZ", "GE", "AM", "KR",
                                             "RU", "US", "TR", "SG", "GB", "CA", "BE"};
    std::stable_partition(countries.begin(), countries.end(), [&](const Country& c) {
        return std::find(region.begin(), region.end(), c.code) != region.end();
    });
    std::stable_sort(countries.begin(), countries.begin() + static_cast<long>(region.size()),
                     [&](const Country& a, const Country& b) {
                         return std::find(region.begin(), region.end(), a.code) <
                                std::find(region.begin(), region.end(), b.code);
                     });

    fs::create_directories(out_dir);
    Output out;
    out.out = out_dir;
    out.html = html;
    out.table = std::fopen((out_dir / "fts.usv").c_str(), "wb");
    if (!out.table) {
        std::cerr << "gen_corpus: cannot write " << out_dir / "fts.usv" << '\n';
        return 2;
    }
    Generator gen(seed, std::move(langs), std::move(topics), std::move(countries), out);
    gen.run(records);
    std::fclose(out.table);

    std::ofstream manifest(out_dir / "manifest.json");
    manifest << "{\n  \"seed\": " << seed << ",\n  \"records\": " << out.records
             << ",\n  \"studies\": " << out.studies << ",\n  \"speeches\": " << out.speeches
             << ",\n  \"transcripts\": " << out.transcripts << ",\n  \"words\": " << out.words
             << ",\n  \"text_bytes\": " << out.text_bytes << ",\n  \"xml_bytes\": " << out.xml_bytes
             << ",\n  \"html_bytes\": " << out.html_bytes << ",\n  \"records_by_lang\": {";
    bool first = true;
    for (const auto& [l, n] : out.records_by_lang) {
        manifest << (first ? "" : ", ") << '"' << l << "\": " << n;
        first = false;
    }
    manifest << "}\n}\n";
    std::cout << "gen_corpus: " << out.records << " records (" << out.studies << " studies, "
              << out.speeches << " speeches in " << out.transcripts << " transcripts), "
              << out.text_bytes << " bytes of text, " << out.xml_bytes << " bytes of XML\n";
    return 0;
}
