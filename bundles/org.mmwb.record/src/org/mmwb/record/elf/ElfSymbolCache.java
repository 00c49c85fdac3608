package org.mmwb.record.elf;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mmwb.record.Recording;
import org.mmwb.record.RecordingEvent;

/**
 * The ELF symbols of the files a recording mapped, read once per path on first use and only when the file at that
 * path now has the recorded size and inode (a library updated since the recording would name the wrong function).
 * Thread-safe.
 */
public final class ElfSymbolCache {
    private final Map<String, long[]> recorded = new HashMap<>();
    private final Map<String, ElfSymbols> byPath = new ConcurrentHashMap<>();

    /** The files of rec (its file lines: path, size, inode). */
    public ElfSymbolCache(Recording rec) {
        for (RecordingEvent e : rec.events()) {
            if (e instanceof RecordingEvent.FileInfo f) {
                recorded.putIfAbsent(f.path(), new long[] {f.size(), f.ino()});
            }
        }
    }

    /** The symbols of the file at path (none, saying why, when it is not the one recorded or not ELF). */
    public ElfSymbols symbols(String path) {
        return byPath.computeIfAbsent(path, p -> {
            long[] want = recorded.get(p);
            try {
                return ElfSymbols.read(Path.of(p), want == null ? -1 : want[0], want == null ? -1 : want[1]);
            } catch (InvalidPathException e) {
                return ElfSymbols.read(Path.of("/nonexistent"));
            }
        });
    }

    /** The function at offset off of the file at path ({@code name+0x1f}), or null. */
    public String symbol(String path, long off) {
        return path == null || off < 0 ? null : symbols(path).at(off);
    }
}
