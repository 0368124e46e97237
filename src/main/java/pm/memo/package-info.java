/** Speed utilities kept out of the model: memos of pure functions whose arguments repeat from file to file. */
package pm.memo;
