// SPDX-License-Identifier: MIT
#include "formats/tei_reader.hpp"

#include <hubsearch/vocabulary.hpp>

#include "analysis/language.hpp"
#include "analysis/text.hpp"
#include "formats/reader_util.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <system_error>

namespace hubsearch::detail {
namespace {

constexpr std::string_view tei_ns = "http://www.tei-c.org/ns/1.0";
constexpr std::string_view xinclude_ns = "http://www.w3.org/2001/XInclude";

bool is_include(pugi::xml_node node) {
    return node.type() == pugi::node_element && local_name(node) == "include" &&
           namespace_of(node) == xinclude_ns;
}

// Editorial material inside an utterance: not words the speaker said.
bool is_editorial(std::string_view name) {
    return name == "note" || name == "gap" || name == "kinesic" || name == "incident" ||
           name == "vocal" || name == "pause" || name == "desc" || name == "time" ||
           name == "linkGrp" || name == "link" || name == "spanGrp" || name == "span" ||
           name == "milestone" || name == "anchor" || name == "fw";
}

std::vector<std::string> split_tokens(std::string_view value) {
    std::vector<std::string> out;
    std::string token;
    for (const char c : value) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!token.empty()) out.push_back(std::move(token)), token.clear();
        } else {
            token += c;
        }
    }
    if (!token.empty()) out.push_back(std::move(token));
    return out;
}

std::string strip_hash(std::string_view ref) {
    const auto tokens = split_tokens(ref);
    if (tokens.empty()) return {};
    std::string first = tokens.front();
    if (!first.empty() && first.front() == '#') first.erase(0, 1);
    return first;
}

// Does `date` fall within [from, to]? ISO dates compare as strings; a missing bound is open.
bool in_period(pugi::xml_node node, const std::string& date) {
    if (date.empty()) return true;
    const std::string from = node.attribute("from").value();
    const std::string to = node.attribute("to").value();
    const auto prefix = [&](const std::string& bound) {
        return bound.substr(0, std::min(bound.size(), date.size()));
    };
    if (!from.empty() && date.substr(0, std::min(from.size(), date.size())) < prefix(from)) {
        return false;
    }
    if (!to.empty() && date.substr(0, std::min(to.size(), date.size())) > prefix(to)) {
        return false;
    }
    return true;
}

// A readable name from a person id when no listPerson describes it: "PeterFowler" gives
// "Peter Fowler", and ParlaMint's ".1971" birth-year suffix is dropped.
std::string name_from_id(std::string id) {
    const auto dot = id.rfind('.');
    if (dot != std::string::npos && dot + 1 < id.size() &&
        std::all_of(id.begin() + static_cast<std::ptrdiff_t>(dot) + 1, id.end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
        id.resize(dot);
    }
    std::string name;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        if (c == '_' || c == '-') {
            name += ' ';
            continue;
        }
        if (i > 0 && c >= 'A' && c <= 'Z' && id[i - 1] >= 'a' && id[i - 1] <= 'z') name += ' ';
        name += c;
    }
    return collapse_whitespace(name);
}

struct Setting {
    std::string place;
    std::string country;  // resolved code, or the text when unresolved
    std::string organizer;
    std::string date;
};

// The corpus-wide context shared by all components.
struct CorpusInfo {
    std::string transcript_id;
    std::vector<LocalizedText> titles;
    Setting setting;
    std::string event_date;
    std::vector<std::string> keywords;
};

// Keeps one TEI value per language, the first one met.
void add_localized(std::vector<LocalizedText>& out, pugi::xml_node node,
                   const std::string& fallback_lang) {
    std::string text = text_of(node);
    if (text.empty()) return;
    std::string lang = own_lang(node);
    if (lang.empty()) lang = fallback_lang;
    if (lang.empty()) lang = detect_language(text);
    for (const auto& existing : out) {
        if (existing.lang == lang) return;
    }
    out.push_back({std::move(lang), std::move(text)});
}

class TeiReader {
public:
    TeiReader(const std::filesystem::path& path, std::vector<Diagnostic>& warnings,
              const ReaderLimits& limits)
        : path_(path), warnings_(warnings), limits_(limits) {
        base_dir_ = path.parent_path();
        std::error_code ec;
        const auto canonical = std::filesystem::weakly_canonical(
            base_dir_.empty() ? std::filesystem::path(".") : base_dir_, ec);
        canonical_base_ = ec ? base_dir_.lexically_normal() : canonical;
    }

    ParsedDocument read(const XmlDocument& xml) {
        const Locator top(xml);
        const auto root = xml.root();
        const auto header = child_named(root, "teiHeader");
        ParsedDocument parsed;
        CorpusInfo corpus;
        corpus.transcript_id = sanitize_id(root.attribute("xml:id").value());
        if (corpus.transcript_id.empty()) corpus.transcript_id = sanitize_id(path_.stem().string());
        parsed.document_id = corpus.transcript_id;
        if (header) collect_lists(header, top, base_dir_, 0);

        if (local_name(root) == "teiCorpus") {
            if (header) read_corpus_header(header, root, corpus);
            std::size_t components = 0;
            for (const auto child : root.children()) {
                if (child.type() != pugi::node_element) continue;
                if (local_name(child) == "TEI") {
                    ++components;
                    read_component(child, top, child.attribute("xml:id").value(), corpus,
                                   parsed.records);
                } else if (is_include(child)) {
                    const auto included = load_include(child, top, base_dir_);
                    if (!included) continue;
                    const auto& [doc, locator] = *included;
                    const auto component = doc->root();
                    if (local_name(component) != "TEI") {
                        top.warn(warnings_, child,
                                 "the included file " + locator_name(child) +
                                     " is not a TEI document (its root is <" +
                                     std::string(component.name()) + ">); skipped");
                        continue;
                    }
                    ++components;
                    if (const auto h = child_named(component, "teiHeader")) {
                        collect_lists(h, locator, include_dir(child), 0);
                    }
                    std::string fallback = component.attribute("xml:id").value();
                    if (fallback.empty()) {
                        fallback =
                            std::filesystem::path(child.attribute("href").value()).stem().string();
                    }
                    read_component(component, locator, fallback, corpus, parsed.records);
                } else if (local_name(child) != "teiHeader") {
                    top.warn(warnings_, child,
                             "<" + std::string(child.name()) + "> in <teiCorpus> ignored");
                }
            }
            if (components == 0) {
                top.fail(root, "the <teiCorpus> has no component <TEI> documents");
            }
        } else {
            read_component(root, top, corpus.transcript_id, corpus, parsed.records);
        }
        if (parsed.records.empty()) {
            top.fail(root, "no speeches (<u> elements with text) were found");
        }
        if (unnamed_speakers_ > 0) {
            top.warn(warnings_, root,
                     std::to_string(unnamed_speakers_) +
                         " speakers are described by no <person> in a listPerson; they are "
                         "named after their ids");
        }
        return parsed;
    }

private:
    using Included = std::pair<const XmlDocument*, Locator>;

    static std::string locator_name(pugi::xml_node include) {
        return include.attribute("href").value();
    }

    std::filesystem::path include_dir(pugi::xml_node include) const {
        return (base_dir_ / include.attribute("href").value()).parent_path();
    }

    // Reads the file an xi:include names. Returns nothing (with a warning) when it does not
    // exist; throws when it leaves the input's directory tree or cannot be parsed.
    std::optional<Included> load_include(pugi::xml_node include, const Locator& from,
                                         const std::filesystem::path& from_dir) {
        const std::string href = include.attribute("href").value();
        if (href.empty()) from.fail(include, "<xi:include> has no href");
        if (href.find("://") != std::string::npos || href.rfind("file:", 0) == 0) {
            from.fail(include, "the xi:include href \"" + href +
                                   "\" is a URL; only files beside the input are read");
        }
        const std::filesystem::path relative(href);
        if (relative.is_absolute() || relative.has_root_name() || relative.has_root_directory()) {
            from.fail(include, "the xi:include href \"" + href +
                                   "\" is an absolute path; only relative paths are read");
        }
        for (const auto& part : relative) {
            if (part == "..") {
                from.fail(include,
                          "the xi:include href \"" + href +
                              "\" leads out of the input's directory; '..' is not allowed");
            }
        }
        if (std::string(include.attribute("parse").value()) == "text") {
            from.warn(warnings_, include, "xi:include of text (parse=\"text\") ignored");
            return std::nullopt;
        }
        const auto target = (from_dir / relative).lexically_normal();
        std::error_code ec;
        if (!std::filesystem::exists(target, ec)) {
            from.warn(warnings_, include, "the included file " + href + " does not exist; skipped");
            return std::nullopt;
        }
        // A symbolic link may still lead elsewhere: the real path must stay under the input's
        // directory.
        const auto canonical = std::filesystem::weakly_canonical(target, ec);
        const auto rel = canonical.lexically_relative(canonical_base_);
        if (ec || rel.empty() || *rel.begin() == "..") {
            from.fail(include, "the included file " + href +
                                   " resolves outside the input's directory; not read");
        }
        if (!visited_.insert(canonical.string()).second) {
            from.warn(warnings_, include, "the file " + href + " is included twice; skipped");
            return std::nullopt;
        }
        std::string bytes;
        std::unique_ptr<XmlDocument> doc;
        try {
            bytes = read_file(target, limits_.max_file_bytes);
            std::string detected;
            std::string text = decode_xml(bytes, &detected);
            doc = std::make_unique<XmlDocument>(std::move(text));
            if (!detected.empty()) {
                from.warn(warnings_, include,
                          "the included file " + href + " declares no encoding; read as " +
                              detected + " (detected)");
            }
        } catch (const InputError& e) {
            std::string message = "in the included file " + href;
            if (e.line() > 0) {
                message += " at line " + std::to_string(e.line()) + ", column " +
                           std::to_string(e.column());
            }
            from.fail(include, message + ": " + e.what());
        }
        docs_.push_back(std::move(doc));
        const XmlDocument& stored = *docs_.back();
        return Included{&stored, from.nested(stored, href, include)};
    }

    // Finds listPerson/person and listOrg/org anywhere under `node`, following xi:include.
    void collect_lists(pugi::xml_node node, const Locator& locator,
                       const std::filesystem::path& dir, std::size_t depth) {
        if (depth > limits_.max_nesting_depth) {
            locator.fail(node, "elements are nested more than " +
                                   std::to_string(limits_.max_nesting_depth) + " deep");
        }
        for (const auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            const auto name = local_name(child);
            if (name == "person") {
                const std::string id = child.attribute("xml:id").value();
                if (!id.empty()) persons_.emplace(id, child);
                continue;
            }
            if (name == "org") {
                const std::string id = child.attribute("xml:id").value();
                if (!id.empty()) orgs_.emplace(id, child);
            }
            if (is_include(child)) {
                const auto included = load_include(child, locator, dir);
                if (!included) continue;
                const auto& [doc, nested] = *included;
                const auto root = doc->root();
                const auto sub_dir = (dir / child.attribute("href").value()).parent_path();
                if (local_name(root) == "person" || local_name(root) == "org") {
                    // A list file whose root is itself an entry.
                    pugi::xml_node wrapper = root.parent();
                    collect_lists(wrapper, nested, sub_dir, depth + 1);
                } else {
                    collect_lists(root, nested, sub_dir, depth + 1);
                }
                continue;
            }
            collect_lists(child, locator, dir, depth + 1);
        }
    }

    static std::vector<pugi::xml_node> titles_of(pugi::xml_node header, std::string_view type) {
        std::vector<pugi::xml_node> out;
        const auto stmt = child_named(child_named(header, "fileDesc"), "titleStmt");
        for (const auto title : children_named(stmt, "title")) {
            if (std::string_view(title.attribute("type").value()) == type) out.push_back(title);
        }
        return out;
    }

    std::string org_name(pugi::xml_node org, const std::string& lang, const std::string& date) {
        pugi::xml_node best;
        int best_score = -1;
        for (const auto name : children_named(org, "orgName")) {
            const std::string full = name.attribute("full").value();
            int score = 0;
            if (full == "yes" || full.empty()) score += 4;
            if (own_lang(name) == lang) score += 2;
            if (in_period(name, date)) score += 1;
            if (score > best_score) best_score = score, best = name;
        }
        return best ? text_of(best) : std::string();
    }

    Setting read_setting(pugi::xml_node header) {
        Setting setting;
        const auto profile = child_named(header, "profileDesc");
        const auto setting_node = child_named(child_named(profile, "settingDesc"), "setting");
        for (const auto name : children_named(setting_node, "name")) {
            const std::string type = name.attribute("type").value();
            if (type == "city" && setting.place.empty()) {
                setting.place = text_of(name);
            } else if (type == "country" && setting.country.empty()) {
                const std::string key = name.attribute("key").value();
                std::optional<std::string> code;
                if (!key.empty()) code = resolve_country(key);
                if (!code) code = resolve_country(text_of(name));
                setting.country = code ? *code : text_of(name);
            } else if (type == "org" && setting.organizer.empty()) {
                setting.organizer = text_of(name);
            }
        }
        if (const auto date = child_named(setting_node, "date")) {
            std::string value = date.attribute("when").value();
            if (value.empty()) value = date.attribute("from").value();
            if (auto parsed = leading_date(value)) setting.date = parsed->first;
        }
        return setting;
    }

    static void read_keywords(pugi::xml_node header, std::vector<std::string>& out) {
        const auto text_class = child_named(child_named(header, "profileDesc"), "textClass");
        for (const auto keywords : children_named(text_class, "keywords")) {
            for (const auto term : children_named(keywords, "term")) {
                std::string value = text_of(term);
                if (!value.empty()) out.push_back(std::move(value));
            }
        }
    }

    // The organisation a meeting belongs to, through the meeting's @corresp and the listOrg.
    pugi::xml_node meeting_org(pugi::xml_node header) const {
        const auto stmt = child_named(child_named(header, "fileDesc"), "titleStmt");
        for (const auto meeting : children_named(stmt, "meeting")) {
            const auto found = orgs_.find(strip_hash(meeting.attribute("corresp").value()));
            if (found != orgs_.end()) return found->second;
        }
        return {};
    }

    void read_corpus_header(pugi::xml_node header, pugi::xml_node root, CorpusInfo& corpus) {
        const std::string lang = own_lang(root);
        for (const auto title : titles_of(header, "main"))
            add_localized(corpus.titles, title, lang);
        if (corpus.titles.empty()) {
            for (const auto title : titles_of(header, ""))
                add_localized(corpus.titles, title, lang);
        }
        corpus.setting = read_setting(header);
        if (corpus.setting.organizer.empty()) {
            if (const auto org = meeting_org(header)) {
                corpus.setting.organizer = org_name(org, lang, corpus.setting.date);
            }
        }
        corpus.event_date = corpus.setting.date;
        read_keywords(header, corpus.keywords);
    }

    std::string session_type(pugi::xml_node tei, pugi::xml_node header) const {
        std::vector<std::string> tokens = split_tokens(tei.attribute("ana").value());
        bool committee = false;
        const auto stmt = child_named(child_named(header, "fileDesc"), "titleStmt");
        for (const auto meeting : children_named(stmt, "meeting")) {
            for (auto& token : split_tokens(meeting.attribute("ana").value())) {
                tokens.push_back(std::move(token));
            }
            const auto org = orgs_.find(strip_hash(meeting.attribute("corresp").value()));
            if (org != orgs_.end()) {
                const std::string ana = org->second.attribute("ana").value();
                const std::string role = org->second.attribute("role").value();
                if (ana.find("committee") != std::string::npos ||
                    role.find("committee") != std::string::npos) {
                    committee = true;
                }
            }
        }
        bool plenary = false;
        for (const auto& token : tokens) {
            if (token.find("committee") != std::string::npos) committee = true;
            if (token.find("plenary") != std::string::npos ||
                (token.size() >= 7 && token.compare(token.size() - 7, 7, "sitting") == 0)) {
                plenary = true;
            }
        }
        return plenary && !committee ? "plenary" : "other";
    }

    std::string session_date(pugi::xml_node header, const CorpusInfo& corpus) {
        const Setting setting = read_setting(header);
        if (!setting.date.empty()) return setting.date;
        const auto bibl =
            child_named(child_named(child_named(header, "fileDesc"), "sourceDesc"), "bibl");
        for (const auto date : children_named(bibl, "date")) {
            std::string value = date.attribute("when").value();
            if (value.empty()) value = text_of(date);
            if (auto parsed = leading_date(value)) return parsed->first;
        }
        const auto stmt = child_named(child_named(header, "fileDesc"), "titleStmt");
        for (const auto meeting : children_named(stmt, "meeting")) {
            if (auto parsed = leading_date(meeting.attribute("n").value())) {
                if (parsed->first.size() == 10) return parsed->first;
            }
        }
        return corpus.setting.date;
    }

    // Chooses the affiliation to show: the party (else group, else other organisation) the
    // person belonged to on the session date.
    std::string affiliation_of(pugi::xml_node person, const std::string& lang,
                               const std::string& date) {
        std::string best;
        int best_rank = -1;
        for (const auto affiliation : children_named(person, "affiliation")) {
            if (!in_period(affiliation, date)) continue;
            const std::string ref = strip_hash(affiliation.attribute("ref").value());
            if (ref.empty()) continue;
            int rank = 1;
            std::string name;
            const auto org = orgs_.find(ref);
            if (org != orgs_.end()) {
                const std::string role = lower_ascii(org->second.attribute("role").value());
                if (role.find("party") != std::string::npos) {
                    rank = 4;
                } else if (role.find("group") != std::string::npos ||
                           role.find("faction") != std::string::npos) {
                    rank = 3;
                } else if (role == "parliament" || role == "government" || role == "coalition" ||
                           role == "opposition") {
                    rank = 0;
                } else {
                    rank = 2;
                }
                name = org_name(org->second, lang, date);
            } else {
                // Without the listOrg, ParlaMint's id conventions still tell parties apart.
                const std::string lower = lower_ascii(ref);
                if (lower.rfind("party.", 0) == 0 || lower.rfind("pp.", 0) == 0) {
                    rank = 4;
                } else if (lower.rfind("pg.", 0) == 0 || lower.rfind("fr.", 0) == 0 ||
                           lower.rfind("gr.", 0) == 0) {
                    rank = 3;
                }
            }
            if (name.empty()) name = ref;
            if (rank > best_rank) best_rank = rank, best = name;
        }
        return best;
    }

    static std::string person_name(pugi::xml_node person, const std::string& date) {
        pugi::xml_node pers;
        for (const auto candidate : children_named(person, "persName")) {
            if (!pers || in_period(candidate, date)) pers = candidate;
            if (in_period(candidate, date)) break;
        }
        if (!pers) return {};
        std::string forenames;
        std::string surnames;
        bool structured = false;
        for (const auto part : pers.children()) {
            if (part.type() != pugi::node_element) continue;
            const auto name = local_name(part);
            if (name == "forename") {
                forenames += text_of(part) + ' ';
                structured = true;
            } else if (name == "surname" || name == "nameLink" || name == "addName") {
                surnames += text_of(part) + ' ';
                structured = true;
            }
        }
        return structured ? collapse_whitespace(forenames + surnames) : text_of(pers);
    }

    Person speaker(pugi::xml_node u, const std::string& lang, const std::string& date,
                   const Setting& setting) {
        Person person;
        const std::string id = strip_hash(u.attribute("who").value());
        const auto found = persons_.find(id);
        if (found != persons_.end()) {
            person.name = person_name(found->second, date);
            person.affiliation = affiliation_of(found->second, lang, date);
            if (const auto nationality = child_named(found->second, "nationality")) {
                std::string value = nationality.attribute("key").value();
                if (value.empty()) value = text_of(nationality);
                const auto code = resolve_country(value);
                person.country = code ? *code : value;
            }
        } else if (!id.empty()) {
            if (unnamed_ids_.insert(id).second) ++unnamed_speakers_;
        }
        if (person.name.empty()) person.name = name_from_id(id);
        if (person.country.empty()) person.country = setting.country;
        for (const auto& token : split_tokens(u.attribute("ana").value())) {
            std::string role = token.front() == '#' ? token.substr(1) : token;
            if (role != "regular" && !role.empty()) {
                person.role = role;
                break;
            }
        }
        return person;
    }

    // Appends the words of `node`'s children to `out`.
    void words(pugi::xml_node node, const Locator& locator, std::string& out, bool& glue,
               std::size_t depth) {
        if (depth > limits_.max_nesting_depth) {
            locator.fail(node, "elements are nested more than " +
                                   std::to_string(limits_.max_nesting_depth) + " deep");
        }
        for (const auto child : node.children()) word(child, locator, out, glue, depth);
    }

    // Appends the words of `node` to `out`: character data and tokens (`w`, `pc`, honouring
    // join="right"/"left"), skipping editorial material. `glue` is true right after a token
    // that joins the next one, so that the line breaks between tokens of annotated (.ana)
    // files do not split "razno" from its full stop.
    void word(pugi::xml_node node, const Locator& locator, std::string& out, bool& glue,
              std::size_t depth) {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            const std::string_view value = node.value();
            if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
                if (!glue) out += ' ';
                return;
            }
            out += value;
            glue = false;
            return;
        }
        if (node.type() != pugi::node_element) return;
        const auto name = local_name(node);
        if (is_editorial(name)) {
            if (!glue) out += ' ';
            return;
        }
        if (name == "lb" || name == "pb") {
            out += ' ';
            return;
        }
        if (name == "w" || name == "pc") {
            const std::string join = node.attribute("join").value();
            if (join == "left" || join == "both") {
                while (!out.empty() && out.back() == ' ') out.pop_back();
            }
            std::string token;
            bool inner_glue = true;
            words(node, locator, token, inner_glue, depth + 1);
            out += collapse_whitespace(token);
            glue = join == "right" || join == "both";
            if (!glue) out += ' ';
            return;
        }
        words(node, locator, out, glue, depth + 1);
    }

    void walk_body(pugi::xml_node node, const Locator& locator, std::vector<pugi::xml_node>& us,
                   std::size_t depth) {
        if (depth > limits_.max_nesting_depth) {
            locator.fail(node, "divisions are nested more than " +
                                   std::to_string(limits_.max_nesting_depth) + " deep");
        }
        for (const auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            if (local_name(child) == "u") {
                us.push_back(child);
            } else if (!is_editorial(local_name(child))) {
                walk_body(child, locator, us, depth + 1);
            }
        }
    }

    void read_component(pugi::xml_node tei, const Locator& locator, const std::string& raw_id,
                        const CorpusInfo& corpus, std::vector<Record>& out) {
        std::string session_id = sanitize_id(raw_id);
        if (session_id.empty()) session_id = "session-" + std::to_string(session_ids_.size() + 1);
        if (!session_ids_.insert(session_id).second) {
            locator.fail(tei, "the session id \"" + session_id + "\" is used twice in this corpus");
        }
        const auto header = child_named(tei, "teiHeader");
        const std::string lang = inherited_lang(tei);
        Setting setting = read_setting(header);
        if (setting.place.empty()) setting.place = corpus.setting.place;
        if (setting.country.empty()) setting.country = corpus.setting.country;
        if (setting.organizer.empty()) {
            if (const auto org = meeting_org(header)) {
                setting.organizer = org_name(org, lang, setting.date);
            }
        }
        if (setting.organizer.empty()) setting.organizer = corpus.setting.organizer;

        const std::string date = session_date(header, corpus);
        if (date.empty()) {
            locator.fail(tei,
                         "the TEI document gives no date (settingDesc/setting/date/@when or "
                         "sourceDesc/bibl/date/@when)");
        }
        const int year = leading_date(date)->second;

        Record base;
        base.type = RecordType::speech;
        base.document_id = corpus.transcript_id;
        base.source = path_.string();
        base.date = date;
        base.year = year;
        base.session_id = session_id;
        base.session_type = session_type(tei, header);
        for (const auto title : titles_of(header, "sub")) {
            add_localized(base.session_titles, title, lang);
        }
        if (base.session_titles.empty()) {
            for (const auto title : titles_of(header, "main")) {
                add_localized(base.session_titles, title, lang);
            }
        }
        base.event_titles = corpus.titles.empty() ? base.session_titles : corpus.titles;
        base.event_date = corpus.event_date.empty() ? date : corpus.event_date;
        base.event_place = setting.place;
        base.event_organizer = setting.organizer;
        std::vector<std::string> keywords = corpus.keywords;
        read_keywords(header, keywords);
        for (const auto& keyword : keywords) add_topic_or_keyword(base, keyword);

        std::vector<pugi::xml_node> us;
        walk_body(child_named(child_named(tei, "text"), "body"), locator, us, 0);
        int number = 0;
        for (const auto u : us) {
            Record record = base;
            const std::string u_lang = inherited_lang(u);
            std::string loose;
            bool glue = false;
            const auto flush = [&] {
                add_paragraph(record.body, loose, u_lang);
                loose.clear();
                glue = false;
            };
            for (const auto child : u.children()) {
                if (child.type() == pugi::node_element && local_name(child) == "seg") {
                    flush();
                    std::string text;
                    bool seg_glue = false;
                    words(child, locator, text, seg_glue, 1);
                    add_paragraph(record.body, text, inherited_lang(child));
                } else {
                    // Text, tokens or sentences directly in the utterance: one running
                    // paragraph until the next seg.
                    word(child, locator, loose, glue, 1);
                }
            }
            flush();
            if (record.body.empty()) continue;
            record.speech_number = ++number;
            record.id = corpus.transcript_id + "/" + session_id + "/" + std::to_string(number);
            record.speaker = speaker(u, u_lang, date, setting);
            if (!record.speaker.country.empty()) record.countries.push_back(record.speaker.country);
            std::string declared = own_lang(u);
            if (declared.empty() && !record.body.empty()) {
                // The language most of the speech's paragraphs are in, else the document's.
                std::map<std::string, std::size_t> counts;
                for (const auto& p : record.body) counts[p.lang] += p.text.size();
                declared = std::max_element(
                               counts.begin(), counts.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; })
                               ->first;
            }
            if (declared.empty()) declared = lang;
            finish_languages(record, declared);
            const auto [line, column] = locator.position(u);
            check_record_size(record, limits_, line, column);
            out.push_back(std::move(record));
        }
    }

    const std::filesystem::path& path_;
    std::vector<Diagnostic>& warnings_;
    const ReaderLimits& limits_;
    std::filesystem::path base_dir_;
    std::filesystem::path canonical_base_;
    std::vector<std::unique_ptr<XmlDocument>> docs_;
    std::set<std::string> visited_;
    std::map<std::string, pugi::xml_node> persons_;
    std::map<std::string, pugi::xml_node> orgs_;
    std::set<std::string> session_ids_;
    std::set<std::string> unnamed_ids_;
    std::size_t unnamed_speakers_ = 0;
};

}  // namespace

bool is_tei(pugi::xml_node root) {
    const auto name = local_name(root);
    if (name != "TEI" && name != "teiCorpus") return false;
    const std::string ns = namespace_of(root);
    return ns.empty() || ns == tei_ns;
}

ParsedDocument read_tei(const XmlDocument& xml, const std::filesystem::path& path,
                        std::vector<Diagnostic>& warnings, const ReaderLimits& limits) {
    return TeiReader(path, warnings, limits).read(xml);
}

std::vector<std::filesystem::path> tei_included_files(const XmlDocument& xml,
                                                      const std::filesystem::path& path) {
    std::vector<std::filesystem::path> out;
    auto root = xml.root();
    if (local_name(root) != "teiCorpus" || !is_tei(root)) return out;
    struct Walker : pugi::xml_tree_walker {
        std::vector<pugi::xml_node> includes;
        bool for_each(pugi::xml_node& node) override {
            if (is_include(node)) includes.push_back(node);
            return true;
        }
    } walker;
    root.traverse(walker);
    for (const auto include : walker.includes) {
        const std::filesystem::path href(include.attribute("href").value());
        if (href.empty() || href.is_absolute()) continue;
        out.push_back((path.parent_path() / href).lexically_normal());
    }
    return out;
}

}  // namespace hubsearch::detail
