/** Files as bytes: strict UTF-8 reading with limits, the Markdown files under a folder, atomic writes, and the one-line input error. */
package pm.io;
