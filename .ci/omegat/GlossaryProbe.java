package org.omegat.gui.glossary;

import java.io.File;
import java.lang.reflect.Method;
import java.util.List;

/**
 * What OmegaT (the installed OmegaT.jar) makes of glossary files: each file goes through the
 * project's own loader (GlossaryManager.loadGlossaryFile, which picks the reader by file name), then
 * through the glossary pane's merging (FindGlossaryThread.filterGlossary). Prints, per file,
 * "FILE: read N lines, shown M entries" and the first entries as the pane shows them.
 * Console mode does not load glossaries (no glossary pane), so this is how a check sees them.
 */
public class GlossaryProbe {
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        GlossaryManager manager = new GlossaryManager(null);
        // The project's writable glossary (glossary/glossary.txt); none here.
        manager.priorityGlossary = new File("/nonexistent/glossary.txt");
        Method load = GlossaryManager.class.getDeclaredMethod("loadGlossaryFile", File.class);
        load.setAccessible(true);
        int show = Integer.parseInt(System.getProperty("show", "0"));
        for (String path : args) {
            List<GlossaryEntry> read = (List<GlossaryEntry>) load.invoke(manager, new File(path));
            if (read == null) {
                System.out.println(path + ": not a glossary file to OmegaT (read nothing)");
                continue;
            }
            List<GlossaryEntry> shown = FindGlossaryThread.filterGlossary(read);
            System.out.println(path + ": read " + read.size() + " lines, shown " + shown.size() + " entries");
            for (GlossaryEntry e : shown.subList(0, Math.min(show, shown.size()))) {
                System.out.println(e.toStyledString().text);
            }
        }
    }
}
