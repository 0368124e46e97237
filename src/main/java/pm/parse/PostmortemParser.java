package pm.parse;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pm.model.ActionItem;
import pm.memo.BoundedMemo;
import pm.model.FollowUpText;
import pm.model.FrontMatter;
import pm.model.Headings;
import pm.model.HtmlComment;
import pm.model.Postmortem;
import pm.model.ProseBlock;
import pm.model.Section;
import pm.model.SectionKind;
import pm.model.SourceText;
import pm.model.Span;
import pm.model.TimelineRow;
import pm.model.When;

/** Parses a postmortem once into the {@link Postmortem} model: front matter with Jackson, body with flexmark. */
public final class PostmortemParser {
    private static final Pattern CHECKBOX = Pattern.compile("^\\[([ xX])\\]\\s");
    private static final Pattern COMMENT = Pattern.compile("<!--(.*?)(?:-->|$)", Pattern.DOTALL);

    private final FrontMatterParser frontMatterParser;
    private final Headings headings;

    public PostmortemParser(Schema schema) {
        this.frontMatterParser = new FrontMatterParser(schema);
        this.headings = schema.headings();
    }

    /**
     * Whether an item's text as written is a label over other items: it ends with a colon, or is wholly strong
     * ("**Monitoring**", "**Short term:**").
     */
    static boolean isLabel(CharSequence written) {
        String s = written.toString().strip();
        if (s.endsWith(":")) {
            return true;
        }
        for (String mark : new String[] {"**", "__"}) {
            if (s.length() > 4 && s.startsWith(mark) && (s.endsWith(mark) || s.endsWith(mark + ":"))
                    && s.indexOf(mark, 2) >= s.length() - 3) {
                return true;
            }
        }
        return false;
    }

    /** Whether an item's text as written starts with an unticked box, "[ ] ". */
    static boolean isUnticked(CharSequence written) {
        return written.length() > 3 && written.charAt(0) == '[' && written.charAt(1) == ' ' && written.charAt(2) == ']'
                && Character.isWhitespace(written.charAt(3));
    }

    /** Each run of {@code \s} characters (space, tab, line breaks, form feed) as one space, like {@code \s+}. */
    static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
                inRun = false;
            } else if (!inRun) {
                out.append(' ');
                inRun = true;
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static final Pattern COMMENT_OPEN = Pattern.compile("^<!--");
    private static final Pattern COMMENT_CLOSE = Pattern.compile("-->$");
    private static final Pattern EMPHASIS = Pattern.compile("[*_`]");

    /** The Markdown parser, built on first use: front-matter-only work ({@code pm overdue}) never loads it. */
    private static final class Markdown {
        static final Parser PARSER = create(true);
        /** Without the tables extension, for the rare input flexmark's table code fails on. */
        static final Parser NO_TABLES = create(false);

        /**
         * The body's Markdown tree. flexmark throws on a few odd inputs (a table row after a line holding
         * only '|' and a tab before backticks); then the body is read again with tabs as spaces (every
         * offset stays), then without tables, so one odd line never stops pm. When all three fail, the file
         * is reported as unreadable ({@link UnreadableBody}), never linted as an empty body.
         */
        static Document parse(String body) {
            try {
                return PARSER.parse(body);
            } catch (RuntimeException | StackOverflowError e) {
                try {
                    return PARSER.parse(body.replace('\t', ' '));
                } catch (RuntimeException | StackOverflowError e2) {
                    try {
                        return NO_TABLES.parse(body);
                    } catch (RuntimeException | StackOverflowError e3) {
                        throw new UnreadableBody(0, "the Markdown body could not be read (the Markdown parser "
                                + "failed: " + e3.getClass().getSimpleName() + "); simplify its structure, or "
                                + "report this file to pm's maintainers");
                    }
                }
            }
        }

        private static Parser create(boolean tables) {
            MutableDataSet options = new MutableDataSet();
            options.set(Parser.EXTENSIONS, tables
                    ? List.of(TablesExtension.create(), new LinearHeadings(), new LinearCodeSpans())
                    : List.of(new LinearHeadings(), new LinearCodeSpans()));
            LinearHeadings.install(options);
            options.set(TablesExtension.COLUMN_SPANS, false);
            options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
            options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
            options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, false);
            options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1); // GFM: "| :- |" is a separator too
            return Parser.builder(options).build();
        }
    }

    /** Only the front matter: what {@code pm overdue} needs, without building the Markdown tree. */
    public FrontMatter frontMatter(SourceText source) {
        return frontMatterParser.parse(source).frontMatter();
    }

    /**
     * Whether the body may hold action items the front matter lacks (table rows or list items under an Action items
     * heading), judged from its lines without parsing the Markdown: {@code pm overdue} parses the body only then. It
     * errs towards yes: a list line, or a table row whose first cell is not a front-matter item's title or id (nor
     * the header or delimiter row), anywhere after a heading the parser would take for Action items (sub-headings
     * included, until a heading of the same level or above), whatever else the line is.
     *
     * @param fm the front matter {@link #frontMatter} read from {@code source}
     */
    public boolean bodyMayHoldActionItems(SourceText source, FrontMatter fm) {
        // runs on every file pm overdue reads: indexes into the text, no substrings or patterns but for headings
        String text = source.text();
        int first = fm.present() && fm.span() != null ? fm.span().endLine() + 1 : 1;
        int level = 0; // of the Action items heading we are under, 0 for none
        int prevStart = -1;
        int prevEnd = -1; // the previous line when it is not blank, else prevStart is -1
        boolean fence = false;
        for (int line = first; line <= source.lineCount(); line++) {
            int start = source.lineStart(line);
            int end = source.lineEnd(line);
            int i = start;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i == end) {
                prevStart = -1;
                continue;
            }
            char c = text.charAt(i);
            if ((c == '`' || c == '~') && text.startsWith(c == '`' ? "```" : "~~~", i)) {
                fence = !fence;
                prevStart = -1;
                continue;
            }
            int h = 0;
            String title = null;
            if (!fence && c == '#' && i - start <= 3) {
                int j = i;
                while (j < end && text.charAt(j) == '#') {
                    j++;
                }
                h = j - i;
                if (h <= 6 && (j == end || text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    title = closed(text.substring(j, end).strip());
                } else {
                    h = 0;
                }
            } else if (!fence && (c == '=' || c == '-') && prevStart >= 0 && same(text, i, end, c)) {
                h = c == '=' ? 1 : 2;
                title = text.substring(prevStart, prevEnd).strip();
            }
            if (title != null) {
                boolean actions = headings.mayBeActionItems(title)
                        || title.indexOf('*') + title.indexOf('_') + title.indexOf('`') > -3
                        && headings.mayBeActionItems(title.replaceAll("[*_`]", "").strip());
                if (actions) {
                    level = level == 0 ? h : Math.min(level, h);
                } else if (level != 0 && h <= level) {
                    level = 0;
                }
            } else if (level != 0 && c == '|' && tracked(text, i, end, fm)) {
                // a table row whose first cell is the title of a front-matter item, the header or the delimiter row:
                // it adds no item the front matter lacks (its key, as written, is one the front matter has)
            } else if (level != 0 && (c == '-' || c == '*' || c == '+' || c >= '0' && c <= '9'
                    || has(text, i, end, '|'))) {
                return true; // a list or table line, or near enough
            }
            prevStart = start;
            prevEnd = end;
        }
        return false;
    }

    /** The first-cell texts of an Action items table's header row that pm's tables use. */
    private static final java.util.Set<String> HEADER_CELLS = java.util.Set.of("action item", "action items", "action",
            "item", "title", "task", "follow up", "what");

    /**
     * Whether a table row (from {@code i}, its leading '|') is one the front matter already has: its first cell's
     * {@link ActionItem#keyOf key} is a front-matter item's title or id, or it is the header or the delimiter row.
     * Anything else (markup that changes the key, another column first) says no, and the body is parsed.
     */
    private static boolean tracked(String text, int i, int end, FrontMatter fm) {
        int bar = text.indexOf('|', i + 1);
        if (bar < 0 || bar > end) {
            return false;
        }
        String cell = text.substring(i + 1, bar).strip();
        if (!cell.isEmpty() && cell.chars().allMatch(ch -> ch == '-' || ch == ':' || ch == ' ')) {
            return true; // the delimiter row
        }
        String key = pm.model.ActionItem.keyOf(cell);
        if (key.isEmpty()) {
            return false;
        }
        if (HEADER_CELLS.contains(key)) {
            return true;
        }
        for (pm.model.ActionItem a : fm.actionItems()) {
            if (key.equals(a.key()) || a.id() != null && key.equals(pm.model.ActionItem.keyOf(a.id()))) {
                return true;
            }
        }
        return false;
    }

    /** An ATX heading's text without its closing #s ("Action items ##" → "Action items"). */
    private static String closed(String title) {
        int e = title.length();
        while (e > 0 && title.charAt(e - 1) == '#') {
            e--;
        }
        return e == title.length() || e == 0 || title.charAt(e - 1) != ' ' && title.charAt(e - 1) != '\t' ? title
                : title.substring(0, e).strip();
    }

    private static boolean has(String text, int from, int to, char c) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == c) {
                return true;
            }
        }
        return false;
    }

    /** Whether text[from, to) is {@code c} repeated, trailing blanks allowed: a setext heading's underline. */
    private static boolean same(String text, int from, int to, char c) {
        int end = to;
        while (end > from && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        for (int k = from; k < end; k++) {
            if (text.charAt(k) != c) {
                return false;
            }
        }
        return true;
    }

    public Postmortem parse(Path path, SourceText source) {
        FrontMatterParser.Split split = frontMatterParser.parse(source);
        return new Body(path, source, split, headings).build(true);
    }

    /** Always with flexmark, never {@link PlainMarkdown}: what the plain reader is checked against. */
    Postmortem parseWithFlexmark(Path path, SourceText source) {
        FrontMatterParser.Split split = frontMatterParser.parse(source);
        return new Body(path, source, split, headings).build(false);
    }

    /** Whether the body of a file is read without flexmark. */
    boolean isPlain(SourceText source) {
        return PlainMarkdown.read(source.text().substring(frontMatterParser.parse(source).bodyStart())) != null;
    }

    /** The walk over one body; offsets in flexmark's tree are relative to {@code base}. */
    private static final class Body {
        private final Path path;
        private final SourceText source;
        private final FrontMatter frontMatter;
        private final int base;
        private final List<Section> sections = new ArrayList<>();
        private final List<TimelineRow> timeline = new ArrayList<>();
        private final List<ActionItem> actionItems = new ArrayList<>();
        private final List<ActionItem> mentions = new ArrayList<>();
        private final List<ProseBlock> prose = new ArrayList<>();
        private final List<HtmlComment> comments = new ArrayList<>();
        private Postmortem.TableRange actionTable;

        private final Headings headings;

        Body(Path path, SourceText source, FrontMatterParser.Split split, Headings headings) {
            this.headings = headings;
            this.path = path;
            this.source = source;
            this.frontMatter = split.frontMatter();
            this.base = split.bodyStart();
        }

        Postmortem build(boolean plainAllowed) {
            Nesting.check(source, base);
            String body = source.text().substring(base);
            List<PlainMarkdown.Block> plain = plainAllowed ? PlainMarkdown.read(body) : null;
            if (plain != null) {
                plain(body, plain);
            } else {
                Document doc = Markdown.parse(body);
                collectSections(doc);
                walk(doc);
            }
            timelineLines();
            return new Postmortem(path, source, frontMatter, sections, timeline, actionItems, mentions,
                    Optional.ofNullable(actionTable), prose, comments);
        }

        /** The body read by {@link PlainMarkdown}: the same model as from flexmark's tree. */
        private void plain(String body, List<PlainMarkdown.Block> blocks) {
            List<HeadingAt> headings = new ArrayList<>();
            for (PlainMarkdown.Block b : blocks) {
                if (b instanceof PlainMarkdown.Heading h) {
                    headings.add(new HeadingAt(h.level(), h.start(), h.end(), plainText(body, h.tokens())));
                }
            }
            addSections(headings);
            boolean underLabel = false; // the last top-level item is a label over the follow-ups nested below it
            for (int bi = 0; bi < blocks.size(); bi++) {
                PlainMarkdown.Block b = blocks.get(bi);
                if (b instanceof PlainMarkdown.Heading h) {
                    addProse(body, h.tokens(), ProseBlock.Kind.HEADING, base + h.start());
                } else if (b instanceof PlainMarkdown.Paragraph p) {
                    int[] lines = p.lines();
                    int before = prose.size();
                    if (whole(p)) {
                        // consecutive lines of text, each line break read as a space: one unbroken stretch
                        String text = body.substring(lines[0], lines[lines.length - 1]);
                        addProse(lines.length > 2 ? text.replace('\n', ' ') : text, base + lines[0],
                                ProseBlock.Kind.PARAGRAPH, base + lines[0]);
                    } else {
                        Chars text = chars().reset();
                        prose(body, p, text);
                        addProse(text, ProseBlock.Kind.PARAGRAPH, base + lines[0]);
                    }
                    if (prose.size() > before && kindAt(base + lines[0]) == SectionKind.ACTION_ITEMS) {
                        announcedWork(prose.get(prose.size() - 1));
                    }
                } else if (b instanceof PlainMarkdown.Item item) {
                    int start = base + item.textStart();
                    boolean followUps = kindAt(base + item.start()) == SectionKind.ACTION_ITEMS;
                    CharSequence written = body.subSequence(item.textStart(), item.end());
                    if (!item.nested()) {
                        underLabel = followUps && isLabel(written) && bi + 1 < blocks.size()
                                && blocks.get(bi + 1) instanceof PlainMarkdown.Item next && next.nested();
                    }
                    boolean tracked = followUps && (!item.nested() && !underLabel || item.nested() && underLabel);
                    if (tracked || !followUps && isUnticked(written) || followUps && item.nested()) {
                        String title = checkbox(written, plain(body, item.text()).collapsed());
                        if (!title.isEmpty()) {
                            Span span = source.span(start, trimEnd(start, base + item.end()));
                            if (tracked) {
                                actionItems.add(ActionItemText.read(title, span));
                            } else {
                                mentions.add(mention(title, span, followUps ? ActionItem.Origin.NESTED
                                        : ActionItem.Origin.CHECKLIST));
                            }
                        }
                    }
                    Chars text = chars().reset();
                    prose(body, item.text(), text);
                    addProse(text, ProseBlock.Kind.PARAGRAPH, start);
                } else if (b instanceof PlainMarkdown.Table t) {
                    List<String> header = null;
                    List<Row> rows = new ArrayList<>();
                    for (PlainMarkdown.Row r : t.rows()) {
                        int[] c = r.cells();
                        List<String> cells = new ArrayList<>(c.length / 2);
                        for (int i = 0; i < c.length; i += 2) {
                            int[] tokens = r.tokens()[i / 2];
                            addProse(body, tokens, ProseBlock.Kind.TABLE_CELL, base + c[i]);
                            cells.add(whole(tokens, c[i], c[i + 1])
                                    ? plainCollapse(body.substring(c[i], c[i + 1])).strip() : collapsed(body, tokens));
                        }
                        if (header == null) {
                            header = cells;
                        } else {
                            int s = base + r.start();
                            rows.add(new Row(cells, source.span(s, trimEnd(s, base + r.end()))));
                        }
                    }
                    table(base + t.start(), base + t.end(), header, rows);
                } else if (b instanceof PlainMarkdown.Comment c) {
                    addComments(base + c.start(), body.substring(c.start(), c.end()));
                }
            }
        }

        /** {@link #collapseSpaces} of plain text, whose only whitespace is the space: most has no two in a row. */
        private static String plainCollapse(String s) {
            return s.indexOf("  ") < 0 ? s : collapseSpaces(s);
        }

        /** Whether the tokens are text alone (or nothing): then the prose is one stretch of the body. */
        private static boolean simple(int[] tokens) {
            return tokens.length == 0 || tokens.length == 4 && tokens[0] == PlainMarkdown.TEXT;
        }

        /** Whether the tokens are the text from {@code from} to {@code to} as written (or nothing there). */
        private static boolean whole(int[] tokens, int from, int to) {
            return tokens.length == 0 ? from == to
                    : tokens.length == 4 && tokens[0] == PlainMarkdown.TEXT && tokens[1] == from && tokens[2] == to;
        }

        /** Whether a paragraph is its lines as written, each line break soft, standing at the line's end. */
        private static boolean whole(PlainMarkdown.Paragraph p) {
            int[] lines = p.lines();
            int[][] tokens = p.tokens();
            for (int l = 0; l < tokens.length; l++) {
                if (!whole(tokens[l], lines[2 * l], lines[2 * l + 1])
                        || l < p.breaks().length && (p.hard()[l] || p.breaks()[l] != lines[2 * l + 1])) {
                    return false;
                }
            }
            return true;
        }

        /** The prose of a paragraph's lines, each line break read as a space where flexmark's break node stands. */
        private void prose(String body, PlainMarkdown.Paragraph p, Chars text) {
            int[][] tokens = p.tokens();
            for (int l = 0; l < tokens.length; l++) {
                if (l > 0) {
                    text.append(' ', base + p.breaks()[l - 1]);
                }
                prose(body, tokens[l], text);
            }
        }

        /** The plain text of a paragraph's lines, each line break a space. */
        private Chars plain(String body, PlainMarkdown.Paragraph p) {
            Chars text = chars().reset();
            int[][] tokens = p.tokens();
            for (int l = 0; l < tokens.length; l++) {
                if (l > 0) {
                    text.append(' ', 0);
                }
                plain(body, tokens[l], text);
            }
            return text;
        }

        /** The prose of inline tokens, as {@link #collect} reads the nodes flexmark makes of them. */
        private void prose(String body, int[] tokens, Chars text) {
            for (int k = 0; k < tokens.length; k += 4) {
                int a = tokens[k + 1];
                int b = tokens[k + 2];
                switch (tokens[k]) {
                    case PlainMarkdown.TEXT, PlainMarkdown.LINK -> text.append(body, a, b, base + a);
                    case PlainMarkdown.CODE, PlainMarkdown.IMAGE -> text.spaces(b - a, base + a);
                    default -> { // a checkbox: a reference link whose text is its inside, "x" or nothing
                        if (b == 1) {
                            text.append(body, a + 1, a + 2, base + a + 1);
                        }
                    }
                }
            }
        }

        /** Prose from inline tokens, standing at {@code start} for the section it is in. */
        private void addProse(String body, int[] tokens, ProseBlock.Kind kind, int start) {
            if (simple(tokens)) {
                if (tokens.length > 0) {
                    addProse(body.substring(tokens[1], tokens[2]), base + tokens[1], kind, start);
                }
                return;
            }
            Chars text = chars().reset();
            prose(body, tokens, text);
            addProse(text, kind, start);
        }

        private void addProse(Chars text, ProseBlock.Kind kind, int start) {
            if (!text.isBlank()) {
                prose.add(ProseBlock.of(text.toString(), text.runs(), kind, sectionAt(start)));
            }
        }

        /** Adds the plain text of inline tokens, as {@link #plain} reads the nodes flexmark makes of them. */
        private static void plain(String body, int[] tokens, Chars text) {
            for (int k = 0; k < tokens.length; k += 4) {
                int a = tokens[k + 1];
                int b = tokens[k + 2];
                switch (tokens[k]) {
                    case PlainMarkdown.TEXT, PlainMarkdown.LINK -> text.append(body, a, b, 0);
                    case PlainMarkdown.CODE -> text.append(body, a + tokens[k + 3], b - tokens[k + 3], 0);
                    case PlainMarkdown.IMAGE -> { // an image is no text
                    }
                    default -> {
                        if (b == 1) {
                            text.append(body, a + 1, a + 2, 0);
                        }
                    }
                }
            }
        }

        private String plainText(String body, int[] tokens) {
            Chars text = chars().reset();
            plain(body, tokens, text);
            return text.toString();
        }

        private String collapsed(String body, int[] tokens) {
            Chars text = chars().reset();
            plain(body, tokens, text);
            return text.collapsed();
        }

        /** A heading: its level, where it is in the body, and its text. */
        private record HeadingAt(int level, int start, int end, String text) {
        }

        /** A table row: its cells' text, spaces collapsed, and where it is. */
        private record Row(List<String> cells, Span span) {
        }

        private void collectSections(Document doc) {
            List<HeadingAt> headings = new ArrayList<>();
            for (Node n : doc.getChildren()) {
                if (n instanceof Heading h) {
                    headings.add(new HeadingAt(h.getLevel(), h.getStartOffset(), h.getEndOffset(), plainText(h)));
                }
            }
            addSections(headings);
        }

        private void addSections(List<HeadingAt> headings) {
            int end = source.text().length();
            int titleAt = titleOf(headings);
            for (int i = 0; i < headings.size(); i++) {
                HeadingAt h = headings.get(i);
                int contentEnd = end;
                for (int j = i + 1; j < headings.size(); j++) {
                    if (headings.get(j).level() <= h.level()) {
                        contentEnd = base + headings.get(j).start();
                        break;
                    }
                }
                String title = h.text().strip();
                int start = base + h.start();
                int headingEnd = base + h.end();
                int contentStart = Math.min(end, source.lineEnd(source.line(Math.max(start, headingEnd - 1))) + 1);
                sections.add(new Section(title, h.level(), i == titleAt ? null
                        : this.headings.kindOf(title).orElse(null),
                        source.span(start, trimEnd(start, headingEnd)), Math.min(contentStart, contentEnd), contentEnd));
            }
        }

        /**
         * The index of the document's title, or -1: a first heading of level 1 that is the only one of its level
         * and has headings below it ("# Root cause analysis: the MAAS VM outage" above "## Summary") names the
         * document, not one of its sections.
         */
        private static int titleOf(List<HeadingAt> headings) {
            if (headings.size() < 2 || headings.get(0).level() != 1) {
                return -1;
            }
            for (int i = 1; i < headings.size(); i++) {
                if (headings.get(i).level() == 1) {
                    return -1;
                }
            }
            return 0;
        }

        private Times.DayOrder dayOrder;

        /** How this file writes numeric days, worked out once. */
        private Times.DayOrder dayOrder() {
            if (dayOrder == null) {
                dayOrder = Times.dayOrder(source.text().substring(base));
            }
            return dayOrder;
        }

        /**
         * The timeline as most real postmortems write it: lines and list items that start with a time ("- 14:02
         * UTC — …", "* **14:02** …", "2016-11-18 1505 …"), and headings or lines of their own that give the day.
         * Read from the lines of each Timeline section (tables, code blocks, quotes and comments aside), then put in
         * file order with the table rows.
         */
        private void timelineLines() {
            String text = source.text();
            int covered = -1;
            List<TimelineRow> lines = new ArrayList<>();
            for (Section s : sections) {
                if (s.kind() != SectionKind.TIMELINE || s.headingSpan() == null || s.contentStart() < covered) {
                    continue;
                }
                covered = s.contentEnd();
                boolean fenced = false;
                boolean comment = false;
                for (int at = s.contentStart(); at < s.contentEnd(); ) {
                    int eol = text.indexOf('\n', at);
                    int end = eol < 0 || eol > s.contentEnd() ? s.contentEnd() : eol;
                    int lineStart = at;
                    at = end + 1;
                    int first = lineStart;
                    while (first < end && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
                        first++;
                    }
                    if (first == end || !fenced && !comment && !mayOpenEntry(text.charAt(first))) {
                        continue; // most lines: prose, without making strings of them
                    }
                    String line = text.substring(lineStart, end);
                    String t = line.strip();
                    if (t.startsWith("```") || t.startsWith("~~~")) {
                        fenced = !fenced;
                        continue;
                    }
                    if (comment || t.startsWith("<!--")) {
                        comment = !t.contains("-->");
                        continue;
                    }
                    if (fenced || t.isEmpty() || t.startsWith("|") || t.startsWith(">")) {
                        continue;
                    }
                    TimelineRow row = timelineLine(t, lineStart + line.indexOf(t), lineStart + line.length());
                    if (row != null) {
                        lines.add(row);
                    }
                }
            }
            if (!lines.isEmpty()) {
                timeline.addAll(lines);
                timeline.sort(java.util.Comparator.comparingInt((TimelineRow r) -> r.span().line())
                        .thenComparingInt(r -> r.span().column()));
            }
        }

        private static final Pattern AFTER_TIME = Pattern.compile("^[\\s*_`)\\]:|—–-]+");

        /**
         * Whether a line starting with this character can be an entry or a heading of a timeline, or open or close
         * a code block or comment: a digit, markup, a list marker, a heading, or a month's or weekday's first letter.
         */
        private static boolean mayOpenEntry(char c) {
            return c >= '0' && c <= '9' || "-*+#`~_[(<|>".indexOf(c) >= 0 || "JFMASONDTWjfmasondtw".indexOf(c) >= 0;
        }

        /** Where a timeline line's text starts: past a list marker ("- ", "12. ") and a checkbox ("[ ] "). */
        private static int entryStart(String t) {
            int i = 0;
            if (t.length() > 1 && (t.charAt(0) == '-' || t.charAt(0) == '*' || t.charAt(0) == '+') && t.charAt(1) == ' ') {
                i = 2;
            } else {
                while (i < t.length() && i < 9 && Character.isDigit(t.charAt(i))) {
                    i++;
                }
                i = i > 0 && i + 1 < t.length() && (t.charAt(i) == '.' || t.charAt(i) == ')') && t.charAt(i + 1) == ' '
                        ? i + 2 : 0;
            }
            while (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
            if (t.startsWith("[", i) && i + 3 < t.length() && t.charAt(i + 2) == ']' && t.charAt(i + 3) == ' ') {
                i += 4;
            }
            return i;
        }

        /** Whether a line of text may start with a day or a time, past markup: the cheap test before reading it. */
        private static boolean mayStartTime(String t, int from) {
            int i = from;
            while (i < t.length() && "*_`~[( #".indexOf(t.charAt(i)) >= 0) {
                i++;
            }
            if (i >= t.length()) {
                return false;
            }
            char c = t.charAt(i);
            if (c >= '0' && c <= '9' || c == '~') {
                return true;
            }
            if (i + 3 > t.length() || !Character.isLetter(c)) {
                return false;
            }
            String w = t.substring(i, i + 3).toLowerCase(Locale.ROOT);
            return "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".contains(w)
                    && w.indexOf(' ') < 0;
        }

        /** A line of a timeline as an entry, or null when it starts with no time. */
        private TimelineRow timelineLine(String t, int start, int end) {
            boolean heading = t.startsWith("#");
            int from = heading ? 0 : entryStart(t);
            if (!heading && !mayStartTime(t, from)) {
                return null; // most lines: prose continuing an entry, or an entry that starts with no time
            }
            String body = heading ? t.replaceFirst("^#+\\s*", "").replaceFirst("\\s*#+\\s*$", "")
                    : t.substring(from);
            Times.Leading lead = Times.leading(body, this::dayOrder);
            Span span = source.span(start, trimEnd(start, end));
            if (lead == null) {
                return heading ? new TimelineRow(body, "", null, List.of(body), span, null, TimelineRow.Kind.BREAK)
                        : null;
            }
            int skip = 0;
            while (skip < lead.length() && "*_`~[( \t".indexOf(body.charAt(skip)) >= 0) {
                skip++; // the markup before the time, as Times.leading skips it
            }
            String time = body.substring(skip, lead.length()).strip();
            String event = AFTER_TIME.matcher(body.substring(lead.length())).replaceFirst("").strip();
            boolean dayOnly = lead.when() != null && lead.when().time() == null;
            TimelineRow.Kind kind = heading || dayOnly && event.length() < 3 ? (dayOnly ? TimelineRow.Kind.DAY
                    : TimelineRow.Kind.LINE) : TimelineRow.Kind.LINE;
            if (heading && lead.when() == null) {
                kind = TimelineRow.Kind.BREAK;
            }
            return new TimelineRow(time, event, null, List.of(time, event), span, lead.when(), kind);
        }

        private int trimEnd(int start, int end) {
            while (end > start && Character.isWhitespace(source.text().charAt(end - 1))) {
                end--;
            }
            return end;
        }

        private int[] sectionStarts;

        /** Where each section's heading line starts, worked out once all sections are known. */
        private int[] sectionStarts() {
            if (sectionStarts == null || sectionStarts.length != sections.size()) {
                sectionStarts = new int[sections.size()];
                for (int i = 0; i < sectionStarts.length; i++) {
                    Section s = sections.get(i);
                    sectionStarts[i] = s.headingSpan() != null ? source.lineStart(s.line()) : 0;
                }
            }
            return sectionStarts;
        }

        /**
         * The index of the last section whose heading line starts at or before {@code offset}, or -1: sections are
         * in file order, so a binary search finds it.
         */
        private int lastStartedAt(int offset) {
            int[] starts = sectionStarts();
            int lo = 0;
            int hi = starts.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] <= offset) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }

        /**
         * The innermost-level section that contains an offset (the deepest heading above it). That is the last
         * section started before it, which every section after its heading's level ends; anything else (an offset
         * in an indented heading line's margin) is worked out section by section.
         */
        private Section sectionAt(int offset) {
            int last = lastStartedAt(offset);
            if (last < 0) {
                return null;
            }
            Section s = sections.get(last);
            if (s.headingSpan() != null && offset < s.contentEnd() && !deeperEarlier(last, offset)) {
                return s;
            }
            return sectionAtByScan(offset);
        }

        /**
         * Whether an earlier section deeper than {@code last} also contains the offset (then it is the innermost).
         * One above {@code last}'s level ends the search: anything deeper before it ends where it starts.
         */
        private boolean deeperEarlier(int last, int offset) {
            Section s = sections.get(last);
            for (int i = last - 1; i >= 0; i--) {
                Section o = sections.get(i);
                if (o.level() > s.level() && o.contentEnd() > offset) {
                    return true;
                }
                if (o.level() < s.level()) {
                    return false;
                }
            }
            return false;
        }

        private Section sectionAtByScan(int offset) {
            int[] starts = sectionStarts();
            Section found = null;
            for (int i = 0; i < starts.length; i++) {
                Section s = sections.get(i);
                if (s.headingSpan() != null && starts[i] <= offset && offset < s.contentEnd()) {
                    if (found == null || s.level() >= found.level()) {
                        found = s;
                    }
                }
            }
            return found;
        }

        /** The nearest enclosing section of one of the eight kinds. */
        private SectionKind kindAt(int offset) {
            int[] starts = sectionStarts();
            SectionKind kind = null;
            int level = Integer.MAX_VALUE;
            for (int i = 0; i < starts.length; i++) {
                Section s = sections.get(i);
                if (s.kind() != null && starts[i] <= offset && offset < s.contentEnd()
                        && (kind == null || s.level() >= level)) {
                    kind = s.kind();
                    level = s.level();
                }
            }
            return kind;
        }

        private void walk(Node node) {
            for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
                visit(n);
            }
        }

        private void visit(Node n) {
            if (n instanceof HtmlCommentBlock || n instanceof HtmlBlockBase) {
                addComments(n);
                return;
            }
            if (n instanceof CodeBlock || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
                return;
            }
            if (n instanceof BlockQuote) {
                return; // quotations are other people's words, kept as they were said
            }
            if (n instanceof Heading h) {
                addProse(h, ProseBlock.Kind.HEADING);
                return;
            }
            if (n instanceof TableBlock t) {
                table(t);
                return;
            }
            if (n instanceof ListItem item) {
                if (kindAt(base + item.getStartOffset()) == SectionKind.ACTION_ITEMS) {
                    if (isFollowUpItem(item)) {
                        listActionItem(item, actionItems);
                    } else if (!isLabelOverItems(item)) {
                        listActionItem(item, mentions);
                    }
                } else if (item.getFirstChild() instanceof Paragraph p && isUnticked(p.getChars())) {
                    listActionItem(item, mentions);
                }
            }
            if (n instanceof Paragraph p) {
                int before = prose.size();
                addProse(p, ProseBlock.Kind.PARAGRAPH);
                if (prose.size() > before && !(p.getParent() instanceof ListItem)
                        && kindAt(base + p.getStartOffset()) == SectionKind.ACTION_ITEMS) {
                    announcedWork(prose.get(prose.size() - 1));
                }
                return;
            }
            walk(n);
        }

        private boolean isTopLevelItem(ListItem item) {
            for (Node p = item.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ListItem) {
                    return false;
                }
            }
            return item.getParent() instanceof ListBlock;
        }

        /**
         * Whether a list item in a follow-up section is a follow-up: a top-level item, unless it is a label over the
         * items nested below it ("**Monitoring:**" above "- Alert when …"), whose nested items are the follow-ups.
         */
        private boolean isFollowUpItem(ListItem item) {
            if (isTopLevelItem(item)) {
                return !isLabelOverItems(item);
            }
            return item.getParent() instanceof ListBlock list && list.getParent() instanceof ListItem parent
                    && isTopLevelItem(parent) && isLabelOverItems(parent);
        }

        private static boolean isLabelOverItems(ListItem item) {
            return item.getFirstChild() instanceof Paragraph p && isLabel(p.getChars())
                    && item.getChildOfType(ListBlock.class) != null;
        }

        /** Adds a list item as a follow-up: to {@code into} the action items, or the mentions as a checklist item. */
        private void listActionItem(ListItem item, List<ActionItem> into) {
            Node first = item.getFirstChild();
            if (!(first instanceof Paragraph p)) {
                return;
            }
            String text = checkbox(p.getChars(), collapsedText(p));
            if (text.isEmpty()) {
                return;
            }
            int start = base + p.getStartOffset();
            Span span = source.span(start, trimEnd(start, base + p.getEndOffset()));
            into.add(into == mentions ? mention(text, span, kindAt(base + item.getStartOffset()) == SectionKind.ACTION_ITEMS
                    ? ActionItem.Origin.NESTED : ActionItem.Origin.CHECKLIST) : ActionItemText.read(text, span));
        }

        /**
         * A follow-up judged for its words only (a checklist item elsewhere, a nested step): its text is its title,
         * a checkbox aside (its status: ticked is done, unticked open); owners and dates in it are not read.
         */
        private static ActionItem mention(String text, Span span, ActionItem.Origin origin) {
            boolean box = text.startsWith("[") && text.length() > 3 && text.charAt(2) == ']';
            String title = box ? text.substring(3).strip() : text;
            String status = !box ? null : text.charAt(1) == ' ' ? pm.model.ActionStatus.OPEN.id()
                    : pm.model.ActionStatus.DONE.id();
            return new ActionItem(title, null, null, null, null, null, status, null, origin, span);
        }

        /** The sentences of a paragraph in a follow-up section that announce work ("We will …"), as follow-ups. */
        private void announcedWork(ProseBlock block) {
            String text = block.text();
            int at = 0;
            while (at < text.length()) {
                int start = at;
                while (start < text.length() && (Character.isWhitespace(text.charAt(start))
                        || "*_>\"“‘'(".indexOf(text.charAt(start)) >= 0)) {
                    start++;
                }
                int end = sentenceEnd(text, start);
                if (start < end && FollowUpText.announcesWork(text.subSequence(start, end))) {
                    int last = end;
                    while (last > start && Character.isWhitespace(text.charAt(last - 1))) {
                        last--;
                    }
                    String sentence = collapseSpaces(text.substring(start, last)).strip();
                    int from = block.sourceOffset(start);
                    mentions.add(new ActionItem(sentence, null, null, null, null, null, null, null,
                            ActionItem.Origin.SENTENCE, source.span(from, block.sourceOffset(last - 1) + 1)));
                }
                at = end;
            }
        }

        /** Just past the sentence that starts at {@code from}: after its '.', '!' or '?' and a space, or the end. */
        private static int sentenceEnd(String text, int from) {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.length()
                        || Character.isWhitespace(text.charAt(i + 1)))) {
                    return i + 1;
                }
            }
            return text.length();
        }

        /**
         * An item's text with its checkbox put back as written: flexmark reads "[x]" as a reference link whose text
         * is "x", and "[ ]" as one with no text.
         *
         * @param chars the item's paragraph as written
         * @param text  its plain text, collapsed
         */
        private static String checkbox(CharSequence chars, String text) {
            Matcher box = CHECKBOX.matcher(chars);
            if (box.find()) {
                return "[" + box.group(1) + "] " + text.substring(box.group(1).isBlank() ? 0 : 1).strip();
            }
            return text;
        }

        private void table(TableBlock t) {
            List<String> header = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            for (Node part = t.getFirstChild(); part != null; part = part.getNext()) {
                if (part instanceof com.vladsch.flexmark.ext.tables.TableSeparator) {
                    continue;
                }
                for (Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                    if (!(r instanceof TableRow row)) {
                        continue;
                    }
                    if (part instanceof TableHead) {
                        if (header.isEmpty()) {
                            header = cells(row);
                        }
                    } else {
                        rows.add(new Row(cells(row), rowSpan(row)));
                    }
                    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof TableCell cell) {
                            addProse(cell, ProseBlock.Kind.TABLE_CELL);
                        }
                    }
                }
            }
            table(base + t.getStartOffset(), base + t.getEndOffset(), header, rows);
        }

        private static boolean allBlank(List<String> cells) {
            for (String c : cells) {
                if (!c.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        /** A table's rows as timeline rows or action items, by the section it stands in. */
        private void table(int start, int tableEnd, List<String> header, List<Row> rows) {
            SectionKind kind = kindAt(start);
            if (kind == SectionKind.TIMELINE) {
                Columns cols = Columns.of(header, TIMELINE_COLUMNS);
                for (Row row : rows) {
                    List<String> cells = row.cells();
                    if (allBlank(cells)) {
                        continue;
                    }
                    String time = cols.get(cells, "time", 0);
                    String date = cols.get(cells, "date", -1);
                    if (date != null && !date.isBlank()) {
                        time = time == null || time.isBlank() || time == date ? date : date.strip() + " " + time.strip();
                    }
                    timeline.add(new TimelineRow(time, cols.get(cells, "event", 1), cols.get(cells, "source", 2),
                            cells, row.span(), time == null ? null : Times.read(time, this::dayOrder),
                            TimelineRow.Kind.ROW));
                }
            } else if (kind == SectionKind.ACTION_ITEMS) {
                if (actionTable == null) {
                    int end = trimEnd(start, tableEnd);
                    actionTable = new Postmortem.TableRange(source.lineStart(source.line(start)),
                            source.lineEnd(source.line(Math.max(start, end - 1))), source.span(start, end));
                }
                Columns cols = Columns.of(header, ACTION_COLUMNS);
                for (Row row : rows) {
                    List<String> cells = row.cells();
                    if (allBlank(cells)) {
                        continue;
                    }
                    actionItems.add(tableActionItem(cols, cells, row.span()));
                }
            }
        }

        private ActionItem tableActionItem(Columns cols, List<String> cells, Span span) {
            String dueText = blankToNull(cols.get(cells, "due", -1));
            java.time.LocalDate due = null;
            String dueProblem = null;
            if (dueText != null) {
                Dates.Result<java.time.LocalDate> r = Dates.date(dueText);
                due = r.value();
                dueProblem = r.problem();
            }
            String priority = blankToNull(cols.get(cells, "priority", -1));
            if (priority != null) {
                priority = Schema.priority(priority).orElse(priority);
            }
            String status = blankToNull(cols.get(cells, "status", -1));
            if (status != null) {
                status = pm.model.ActionStatus.parse(status).map(pm.model.ActionStatus::id).orElse(status);
            }
            return new ActionItem(cols.get(cells, "title", 0), blankToNull(cols.get(cells, "owner", -1)), dueText,
                    due, dueProblem, priority, status, blankToNull(cols.get(cells, "link", -1)),
                    ActionItem.Origin.TABLE, span);
        }

        private Span rowSpan(TableRow row) {
            int s = base + row.getStartOffset();
            return source.span(s, trimEnd(s, base + row.getEndOffset()));
        }

        private List<String> cells(TableRow row) {
            List<String> out = new ArrayList<>();
            for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof TableCell cell) {
                    out.add(collapsedText(cell));
                }
            }
            return out;
        }

        private void addComments(Node n) {
            addComments(base + n.getStartOffset(), n.getChars().toString());
        }

        private void addComments(int start, String chars) {
            Matcher m = COMMENT.matcher(chars);
            while (m.find()) {
                int s = start + m.start();
                int e = start + m.end();
                comments.add(new HtmlComment(m.group(1).strip(), s, e, source.span(s, trimEnd(s, e))));
            }
        }

        private void addProse(Node block, ProseBlock.Kind kind) {
            Chars text = chars().reset();
            collect(block, text);
            if (!text.isBlank()) {
                prose.add(ProseBlock.of(text.toString(), text.runs(), kind, sectionAt(base + block.getStartOffset())));
            }
        }

        /** Prose whose characters are at file offsets {@code first}, {@code first + 1}, ... */
        private void addProse(String s, int first, ProseBlock.Kind kind, int start) {
            char c = s.isEmpty() ? ' ' : s.charAt(0);
            if (c > ' ' && c < 128 || !s.isBlank()) { // most prose starts with a letter
                prose.add(ProseBlock.contiguous(s, first, kind, sectionAt(start)));
            }
        }

        private Chars chars;

        /** The one buffer this body's prose and cell texts are built in, one at a time. */
        private Chars chars() {
            if (chars == null) {
                chars = new Chars();
            }
            return chars;
        }

        /** Appends the visible prose of a node, masking code and HTML with spaces, skipping link targets. */
        private void collect(Node node, Chars text) {
            for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof HtmlInlineComment) {
                    int s = base + n.getStartOffset();
                    String chars = n.getChars().toString();
                    comments.add(new HtmlComment(COMMENT_CLOSE.matcher(COMMENT_OPEN.matcher(chars).replaceFirst(""))
                            .replaceFirst("").strip(),
                            s, s + chars.length(), source.span(s, s + chars.length())));
                    mask(n, text);
                } else if (n instanceof Code || n instanceof HtmlInlineBase || n instanceof AutoLink
                        || n instanceof MailLink || n instanceof Image || n instanceof ImageRef) {
                    mask(n, text);
                } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                    text.append(' ', base + n.getStartOffset());
                } else if (n.getFirstChild() != null) {
                    collect(n, text);
                } else if (!(n instanceof com.vladsch.flexmark.ast.LinkNodeBase)) {
                    com.vladsch.flexmark.util.sequence.BasedSequence chars = n.getChars();
                    if (chars instanceof com.vladsch.flexmark.util.sequence.SubSequence
                            && chars.getBase() instanceof String body) {
                        // one piece of the body, as it nearly always is: copied at once, its offsets one run
                        int from = chars.getStartOffset();
                        text.append(body, from, from + chars.length(), base + from);
                        continue;
                    }
                    for (int i = 0; i < chars.length(); i++) {
                        text.append(chars.charAt(i), offsetOf(chars, i));
                    }
                }
            }
        }

        private void mask(Node n, Chars text) {
            com.vladsch.flexmark.util.sequence.BasedSequence chars = n.getChars();
            if (chars instanceof com.vladsch.flexmark.util.sequence.SubSequence && chars.getBase() instanceof String) {
                text.spaces(chars.length(), base + chars.getStartOffset()); // one piece of the body
                return;
            }
            for (int i = 0; i < chars.length(); i++) {
                text.append(' ', offsetOf(chars, i));
            }
        }

        /**
         * The file offset of a character of a node's text. flexmark's text can be pieced together from
         * several places (a line after a hard break with CRLF), so each character is mapped on its own
         * rather than counted from the node's start.
         */
        private int offsetOf(com.vladsch.flexmark.util.sequence.BasedSequence chars, int i) {
            int at = chars.getIndexOffset(i);
            if (at < 0) { // a character flexmark added: place it after the one before
                at = i > 0 ? chars.getIndexOffset(i - 1) + 1 : chars.getStartOffset();
            }
            return Math.min(base + Math.max(at, 0), source.text().length());
        }

        /** The text of a node as a reader sees it: code spans' code, no HTML, images or link targets. */
        private String plainText(Node n) {
            Chars text = chars().reset();
            plain(n, text);
            return text.toString();
        }

        /** {@link #plainText}, each run of whitespace as one space ({@link #collapseSpaces}) and stripped. */
        private String collapsedText(Node n) {
            Chars text = chars().reset();
            plain(n, text);
            return text.collapsed();
        }

        private static void plain(Node node, Chars text) {
            for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof HtmlInlineBase || n instanceof Image || n instanceof ImageRef) {
                    continue;
                }
                if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                    text.append(' ', 0);
                } else if (n instanceof Code c) {
                    text.append(c.getText());
                } else if (n.getFirstChild() != null) {
                    plain(n, text);
                } else if (!(n instanceof com.vladsch.flexmark.ast.LinkNodeBase)) {
                    text.append(n.getChars());
                }
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    private static final List<List<String>> TIMELINE_COLUMNS = List.of(
            List.of("time", "time (utc)", "time utc", "timestamp", "when", "date/time", "date (utc)", "heure",
                    "heure (utc)", "heure utc"),
            List.of("event", "events", "what happened", "description", "action", "details", "événement"),
            List.of("source", "evidence", "link", "reference", "ref"),
            List.of("date", "day", "jour"));
    private static final List<String> TIMELINE_NAMES = List.of("time", "event", "source", "date");
    private static final List<List<String>> ACTION_COLUMNS = List.of(
            List.of("action item", "action items", "action", "item", "task", "title", "description", "what",
                    "follow-up", "follow up", "remediation", "todo"),
            List.of("owner", "owners", "assignee", "assigned to", "who", "dri", "responsible"),
            List.of("due", "due date", "deadline", "by", "target date", "eta", "when"),
            List.of("priority", "prio", "pri"),
            List.of("status", "state"),
            List.of("link", "ticket", "issue", "tracking", "url", "jira", "tracker"));
    private static final List<String> ACTION_NAMES = List.of("title", "owner", "due", "priority", "status", "link");

    /** Maps a table's header cells to the fields they hold. */
    private static final class Columns {
        // keyed by the header as read: most tables of a repository share a few headers
        private static final BoundedMemo<List<String>, Columns> TIMELINE =
                new BoundedMemo<>(h -> new Columns(h, TIMELINE_COLUMNS), Columns::isShort);
        private static final BoundedMemo<List<String>, Columns> ACTIONS =
                new BoundedMemo<>(h -> new Columns(h, ACTION_COLUMNS), Columns::isShort);

        private final java.util.Map<String, Integer> index = new java.util.HashMap<>();

        /** Whether a header is worth remembering: the usual ones are a few short words. */
        private static boolean isShort(List<String> header) {
            return header.stream().mapToInt(String::length).sum() <= 200;
        }

        /** The columns of a header, remembered. */
        static Columns of(List<String> header, List<List<String>> synonyms) {
            return (synonyms == TIMELINE_COLUMNS ? TIMELINE : ACTIONS).get(List.copyOf(header));
        }

        private Columns(List<String> header, List<List<String>> synonyms) {
            List<String> names = synonyms == TIMELINE_COLUMNS ? TIMELINE_NAMES : ACTION_NAMES;
            for (int i = 0; i < header.size(); i++) {
                String h = EMPHASIS.matcher(header.get(i).toLowerCase(Locale.ROOT)).replaceAll("").strip();
                for (int k = 0; k < synonyms.size(); k++) {
                    if (synonyms.get(k).contains(h) && !index.containsKey(names.get(k))) {
                        index.put(names.get(k), i);
                        break;
                    }
                }
            }
        }

        /**
         * The cell of a field: by its header name; without a recognised header, at its usual position
         * ({@code fallback}, -1 for none); the title is the first column when no header names it.
         */
        String get(List<String> cells, String field, int fallback) {
            Integer named = index.get(field);
            int i = named != null ? named : index.isEmpty() ? fallback : field.equals("title") ? 0 : -1;
            return i >= 0 && i < cells.size() ? cells.get(i) : null;
        }
    }

    /**
     * A text being built from pieces of a body, and the file offset of each character (as runs). Pieces are copied a
     * stretch at a time: appending a {@code CharSequence} to a StringBuilder asks for each character on its own,
     * which under C1 costs several calls a character, most in text that is not Latin-1.
     */
    private static final class Chars {
        private char[] buf = new char[256];
        private int n;
        private ProseBlock.Runs runs = new ProseBlock.Runs();

        Chars reset() {
            n = 0;
            runs = new ProseBlock.Runs();
            return this;
        }

        ProseBlock.Runs runs() {
            return runs;
        }

        private void room(int more) {
            if (n + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        /** One character, at a file offset. */
        void append(char c, int offset) {
            room(1);
            buf[n++] = c;
            runs.add(offset);
        }

        /** {@code src[from, to)}, whose first character is at file offset {@code offset}. */
        void append(String src, int from, int to, int offset) {
            room(to - from);
            src.getChars(from, to, buf, n);
            n += to - from;
            runs.add(offset, to - from);
        }

        /** {@code count} spaces standing for the characters at file offsets {@code offset}, … */
        void spaces(int count, int offset) {
            room(count);
            java.util.Arrays.fill(buf, n, n + count, ' ');
            n += count;
            runs.add(offset, count);
        }

        /** A piece of flexmark's text, for plain text (its offsets are not kept). */
        void append(com.vladsch.flexmark.util.sequence.BasedSequence seq) {
            int len = seq.length();
            room(len);
            if (seq instanceof com.vladsch.flexmark.util.sequence.SubSequence && seq.getBase() instanceof String body) {
                int from = seq.getStartOffset();
                body.getChars(from, from + len, buf, n);
                n += len;
                return;
            }
            for (int i = 0; i < len; i++) {
                buf[n++] = seq.charAt(i);
            }
        }

        /** Whether every character is whitespace, as {@link String#isBlank} says. */
        boolean isBlank() {
            for (int i = 0; i < n; i++) {
                if (!Character.isWhitespace(buf[i])) {
                    return false;
                }
            }
            return true;
        }

        /** The text with each run of {@code \\s} characters as one space, stripped: {@code collapseSpaces(t).strip()}. */
        String collapsed() {
            char[] out = new char[n];
            int m = 0;
            boolean inRun = false;
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (!isSpace(c)) {
                    out[m++] = c;
                    inRun = false;
                } else if (!inRun) {
                    out[m++] = ' ';
                    inRun = true;
                }
            }
            int from = 0;
            while (from < m && Character.isWhitespace(out[from])) {
                from++;
            }
            int to = m;
            while (to > from && Character.isWhitespace(out[to - 1])) {
                to--;
            }
            return new String(out, from, to - from);
        }

        @Override
        public String toString() {
            return new String(buf, 0, n);
        }
    }
}
