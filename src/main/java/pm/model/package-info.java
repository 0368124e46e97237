/**
 * A postmortem, parsed once: front matter, sections, timeline, action items, prose and comments, each with its
 * position in the file. Rules, reports and commands read this model and nothing else of the file.
 */
package pm.model;
