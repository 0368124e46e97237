/** Output formats: lint findings as text, JSON, SARIF or GitHub annotations; the overdue report as a table, Markdown, JSON or CSV. */
package pm.report;
