/** Output formats: lint findings as text, JSON, SARIF, GitHub annotations, Checkstyle XML, GitLab Code Quality JSON or JUnit XML; the overdue report as a table, Markdown, JSON or CSV. */
package pm.report;
