// SPDX-License-Identifier: MIT
#include "formats/jats_reader.hpp"

#include <hubsearch/vocabulary.hpp>

#include "analysis/language.hpp"
#include "analysis/text.hpp"
#include "formats/reader_util.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace hubsearch::detail {
namespace {

// Elements whose text is not running prose: figures, tables, formulas, footnotes.
bool is_skipped(std::string_view name) {
    return name == "fig" || name == "fig-group" || name == "table-wrap" ||
           name == "table-wrap-group" || name == "table" || name == "disp-formula" ||
           name == "inline-formula" || name == "math" || name == "tex-math" || name == "fn" ||
           name == "fn-group" || name == "graphic" || name == "inline-graphic" ||
           name == "alternatives" || name == "media" || name == "supplementary-material" ||
           name == "label" || name == "object-id";
}

std::string two_digits(int value) {
    return value < 10 ? "0" + std::to_string(value) : std::to_string(value);
}

int number_of(pugi::xml_node node) {
    const std::string text = text_of(node);
    if (text.empty() || text.size() > 4) return -1;
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

class JatsReader {
public:
    JatsReader(const XmlDocument& xml, const std::string& source, std::vector<Diagnostic>& warnings,
               const ReaderLimits& limits)
        : locator_(xml), source_(source), warnings_(warnings), limits_(limits) {}

    ParsedDocument read() {
        const auto article = locator_.xml().root();
        const auto front = child_named(article, "front");
        const auto meta = child_named(front, "article-meta");
        if (!meta) locator_.fail(article, "the JATS <article> has no <front>/<article-meta>");
        lang_ = own_lang(article);

        Record record;
        record.type = RecordType::study;
        record.source = source_;
        record.id = article_id(meta);
        record.document_id = record.id;

        read_titles(meta, lang_, record);
        if (record.titles.empty()) {
            locator_.fail(meta, "the article has no <article-title>");
        }
        read_authors(meta, record);
        read_date(meta, record);
        for (const auto group : children_named(meta, "kwd-group")) {
            for (const auto kwd : children_named(group, "kwd")) {
                add_topic_or_keyword(record, text_of(kwd));
            }
        }
        for (const auto abstract : children_named(meta, "abstract")) {
            add_abstract(abstract, lang_, record);
        }
        for (const auto abstract : children_named(meta, "trans-abstract")) {
            add_abstract(abstract, lang_, record);
        }
        const auto journal = child_named(front, "journal-meta");
        record.series =
            text_of(child_named(child_named(journal, "journal-title-group"), "journal-title"));
        if (record.series.empty()) record.series = text_of(child_named(journal, "journal-title"));
        record.publisher =
            text_of(child_named(child_named(journal, "publisher"), "publisher-name"));
        if (!doi_.empty()) record.links.push_back("https://doi.org/" + doi_);
        for (const auto uri : children_named(meta, "self-uri")) {
            const std::string href = uri.attribute("xlink:href").value();
            if (!href.empty()) record.links.push_back(href);
        }
        if (const auto body = child_named(article, "body")) {
            read_section(body, lang_, 0, record.body);
        }
        // Translations published with the article add their titles, abstracts and keywords.
        for (const auto sub : children_named(article, "sub-article")) {
            if (std::string_view(sub.attribute("article-type").value()) != "translation") continue;
            const std::string sub_lang = own_lang(sub);
            auto stub = child_named(sub, "front-stub");
            if (!stub) stub = child_named(child_named(sub, "front"), "article-meta");
            read_titles(stub, sub_lang, record);
            for (const auto abstract : children_named(stub, "abstract")) {
                add_abstract(abstract, sub_lang, record);
            }
            for (const auto group : children_named(stub, "kwd-group")) {
                for (const auto kwd : children_named(group, "kwd")) {
                    add_topic_or_keyword(record, text_of(kwd));
                }
            }
        }
        finish_languages(record, lang_);
        const auto [line, column] = locator_.position(article);
        check_record_size(record, limits_, line, column);
        ParsedDocument parsed;
        parsed.document_id = record.id;
        parsed.records.push_back(std::move(record));
        return parsed;
    }

private:
    std::string article_id(pugi::xml_node meta) {
        std::map<std::string, std::string> ids;
        for (const auto id : children_named(meta, "article-id")) {
            const std::string type = id.attribute("pub-id-type").value();
            const std::string value = text_of(id);
            if (!value.empty()) ids.emplace(type, value);
        }
        if (const auto doi = ids.find("doi"); doi != ids.end()) doi_ = doi->second;
        for (const char* type : {"doi", "publisher-id", "pmid", "pmcid", "other"}) {
            const auto found = ids.find(type);
            if (found != ids.end()) {
                std::string id = sanitize_id(found->second);
                if (!id.empty()) return id;
            }
        }
        std::string id = sanitize_id(std::filesystem::path(source_).stem().string());
        if (id.empty()) locator_.fail(meta, "the article has no <article-id>");
        return id;
    }

    // Prose text of an element: everything but figures, tables, formulas and footnotes.
    std::string inline_text(pugi::xml_node node, std::size_t depth = 0) {
        if (depth > limits_.max_nesting_depth) {
            locator_.fail(node, "elements are nested more than " +
                                    std::to_string(limits_.max_nesting_depth) + " deep");
        }
        std::string text;
        for (const auto child : node.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                text += child.value();
            } else if (child.type() == pugi::node_element && !is_skipped(local_name(child))) {
                text += inline_text(child, depth + 1);
            }
        }
        return text;
    }

    void add_title(std::vector<LocalizedText>& titles, pugi::xml_node node,
                   const std::string& lang) {
        std::string text = collapse_whitespace(inline_text(node));
        if (text.empty()) return;
        std::string title_lang = own_lang(node);
        if (title_lang.empty()) title_lang = text_language(text, lang);
        for (const auto& existing : titles) {
            if (existing.lang == title_lang) return;
        }
        titles.push_back({std::move(title_lang), std::move(text)});
    }

    void read_titles(pugi::xml_node meta, const std::string& lang, Record& record) {
        const auto group = child_named(meta, "title-group");
        if (const auto title = child_named(group, "article-title")) {
            add_title(record.titles, title, lang);
        }
        for (const auto trans : children_named(group, "trans-title-group")) {
            const std::string trans_lang = own_lang(trans);
            for (const auto title : children_named(trans, "trans-title")) {
                add_title(record.titles, title, trans_lang.empty() ? lang : trans_lang);
            }
        }
    }

    void add_abstract(pugi::xml_node abstract, const std::string& lang, Record& record) {
        std::string abstract_lang = own_lang(abstract);
        std::string text;
        struct Walker : pugi::xml_tree_walker {
            std::vector<pugi::xml_node> paragraphs;
            bool for_each(pugi::xml_node& node) override {
                if (node.type() == pugi::node_element && local_name(node) == "p") {
                    paragraphs.push_back(node);
                }
                return true;
            }
        } walker;
        abstract.traverse(walker);
        for (const auto p : walker.paragraphs) {
            const std::string paragraph = collapse_whitespace(inline_text(p));
            if (!paragraph.empty()) text += (text.empty() ? "" : "\n") + paragraph;
        }
        if (walker.paragraphs.empty()) text = collapse_whitespace(inline_text(abstract));
        if (text.empty()) return;
        if (abstract_lang.empty()) abstract_lang = text_language(text, lang);
        for (auto& existing : record.abstracts) {
            if (existing.lang == abstract_lang) {
                existing.text += "\n" + text;
                return;
            }
        }
        record.abstracts.push_back({abstract_lang, text});
    }

    void read_section(pugi::xml_node node, const std::string& inherited, int depth,
                      std::vector<Paragraph>& out) {
        if (static_cast<std::size_t>(depth) > limits_.max_nesting_depth) {
            locator_.fail(node, "sections are nested more than " +
                                    std::to_string(limits_.max_nesting_depth) + " deep");
        }
        std::string lang = own_lang(node);
        if (lang.empty()) lang = inherited;
        for (const auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            const auto name = local_name(child);
            if (name == "title" && depth > 0) {
                add_paragraph(out, inline_text(child), lang, depth);
            } else if (name == "p") {
                std::string p_lang = own_lang(child);
                add_paragraph(out, inline_text(child), p_lang.empty() ? lang : p_lang);
            } else if (name == "sec" || name == "boxed-text") {
                read_section(child, lang, depth + 1, out);
            } else if (name == "list" || name == "list-item" || name == "disp-quote" ||
                       name == "statement" || name == "def-list" || name == "def-item") {
                read_section(child, lang, depth, out);
            } else if (name == "def" || name == "term") {
                add_paragraph(out, inline_text(child), lang);
            }
        }
    }

    std::string aff_institution(pugi::xml_node aff) {
        for (const auto institution : children_named(aff, "institution")) {
            if (std::string_view(institution.attribute("content-type").value()) == "orgname") {
                return text_of(institution);
            }
        }
        for (const auto institution : children_named(aff, "institution")) {
            if (std::string_view(institution.attribute("content-type").value()) != "original") {
                return text_of(institution);
            }
        }
        if (const auto wrap = child_named(aff, "institution-wrap")) {
            return text_of(child_named(wrap, "institution"));
        }
        // Unstructured: the affiliation as written, without its label.
        std::string text;
        for (const auto child : aff.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                text += child.value();
            } else if (child.type() == pugi::node_element && local_name(child) != "label" &&
                       local_name(child) != "country") {
                text += text_of(child) + ' ';
            }
        }
        text = collapse_whitespace(text);
        while (!text.empty() && (text.back() == ',' || text.back() == ' ')) text.pop_back();
        return text;
    }

    std::string aff_country(pugi::xml_node aff) {
        if (const auto country = child_named(aff, "country")) {
            const std::string code = country.attribute("country").value();
            if (!code.empty()) {
                if (auto resolved = resolve_country(code)) return *resolved;
            }
            const std::string text = text_of(country);
            if (auto resolved = resolve_country(text)) return *resolved;
            if (!text.empty()) {
                locator_.warn(
                    warnings_, country,
                    "the country \"" + text + "\" is not in the country registry; kept as text");
            }
            return text;
        }
        // Unstructured affiliations end with the country: "..., Pullman, USA".
        std::string text = text_of(aff);
        while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
        const auto comma = text.rfind(',');
        const std::string last = collapse_whitespace(
            comma == std::string::npos ? std::string_view(text)
                                       : std::string_view(text).substr(comma + 1));
        if (auto resolved = resolve_country(last)) return *resolved;
        return {};
    }

    void read_authors(pugi::xml_node meta, Record& record) {
        std::map<std::string, pugi::xml_node> affs;
        std::vector<pugi::xml_node> all_affs;
        const auto note_affs = [&](pugi::xml_node parent) {
            for (const auto aff : children_named(parent, "aff")) {
                all_affs.push_back(aff);
                const std::string id = aff.attribute("id").value();
                if (!id.empty()) affs.emplace(id, aff);
            }
        };
        note_affs(meta);
        for (const auto group : children_named(meta, "contrib-group")) note_affs(group);
        for (const auto group : children_named(meta, "contrib-group")) {
            for (const auto contrib : children_named(group, "contrib")) {
                const std::string type = contrib.attribute("contrib-type").value();
                if (!type.empty() && type != "author") continue;
                Person author;
                if (const auto name = child_named(contrib, "name")) {
                    author.name = collapse_whitespace(text_of(child_named(name, "given-names")) +
                                                      " " + text_of(child_named(name, "surname")));
                } else if (const auto string_name = child_named(contrib, "string-name")) {
                    author.name = text_of(string_name);
                } else if (const auto collab = child_named(contrib, "collab")) {
                    author.name = text_of(collab);
                }
                if (author.name.empty()) continue;
                std::vector<pugi::xml_node> own = children_named(contrib, "aff");
                for (const auto xref : children_named(contrib, "xref")) {
                    if (std::string_view(xref.attribute("ref-type").value()) != "aff") continue;
                    for (const auto& rid : split_ids(xref.attribute("rid").value())) {
                        const auto found = affs.find(rid);
                        if (found != affs.end()) own.push_back(found->second);
                    }
                }
                // One affiliation for all, without references: it belongs to every author.
                if (own.empty() && all_affs.size() == 1) own.push_back(all_affs.front());
                for (const auto aff : own) {
                    const std::string institution = aff_institution(aff);
                    if (!institution.empty()) {
                        author.affiliation +=
                            (author.affiliation.empty() ? "" : "; ") + institution;
                    }
                    if (author.country.empty()) author.country = aff_country(aff);
                }
                record.authors.push_back(std::move(author));
            }
        }
    }

    static std::vector<std::string> split_ids(std::string_view value) {
        std::vector<std::string> out;
        std::string current;
        for (const char c : value) {
            if (c == ' ') {
                if (!current.empty()) out.push_back(std::move(current)), current.clear();
            } else {
                current += c;
            }
        }
        if (!current.empty()) out.push_back(std::move(current));
        return out;
    }

    // The year is the issue's (collection or print date) when there is one, as citations give
    // it; the date is the publication date when it falls in that year, else the issue's.
    void read_date(pugi::xml_node meta, Record& record) {
        const auto kind = [](pugi::xml_node date) {
            std::string type = date.attribute("date-type").value();
            if (type.empty()) type = date.attribute("pub-type").value();
            return type;
        };
        pugi::xml_node issue;
        pugi::xml_node publication;
        for (const auto date : children_named(meta, "pub-date")) {
            if (number_of(child_named(date, "year")) <= 0) continue;
            const std::string type = kind(date);
            if (type == "collection" || type == "ppub" || type == "epub-ppub") {
                if (!issue) issue = date;
            } else if (!publication) {
                publication = date;
            }
        }
        if (!issue && !publication) {
            locator_.fail(meta, "the article has no <pub-date> with a <year>");
        }
        pugi::xml_node best = issue ? issue : publication;
        if (issue && publication &&
            number_of(child_named(issue, "year")) == number_of(child_named(publication, "year"))) {
            best = publication;
        }
        const int year = number_of(child_named(best, "year"));
        const int month = number_of(child_named(best, "month"));
        const int day = number_of(child_named(best, "day"));
        record.year = year;
        record.date = std::to_string(year);
        if (month >= 1 && month <= 12) {
            record.date += "-" + two_digits(month);
            if (day >= 1 && day <= 31) record.date += "-" + two_digits(day);
        }
    }

    Locator locator_;
    const std::string& source_;
    std::vector<Diagnostic>& warnings_;
    const ReaderLimits& limits_;
    std::string lang_;
    std::string doi_;
};

}  // namespace

bool is_jats(pugi::xml_node root) {
    if (local_name(root) != "article" || !namespace_of(root).empty()) return false;
    return static_cast<bool>(child_named(root, "front")) || root.attribute("dtd-version");
}

ParsedDocument read_jats(const XmlDocument& xml, const std::string& source,
                         std::vector<Diagnostic>& warnings, const ReaderLimits& limits) {
    return JatsReader(xml, source, warnings, limits).read();
}

}  // namespace hubsearch::detail
