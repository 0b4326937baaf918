package dev.kiln.samples.fortunes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fortunes as {@code torch_charlm.py} reads them: every file directly in the directory whose name has
 * no extension, in name order, as bytes; only '\n' and printable ASCII kept; entries separated by lines
 * holding "%", shuffled by Python's {@code random.Random(0)}; the last tenth validation, the rest
 * training, each side its entries joined with "\n%\n". A token is the character's ASCII code.
 *
 * @param train the training text's tokens
 * @param valid the validation text's tokens
 * @param entries how many fortunes were read
 */
record FortuneText(int[] train, int[] valid, int entries) {
  static final Path DEBIAN = Path.of("/usr/share/games/fortunes");

  /** Why {@code dir} holds no fortunes, naming the package; null when it does. */
  static String missing(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        if (files.anyMatch(FortuneText::isFortuneFile)) return null;
      }
    }
    return "Fortunes not found: " + dir + " holds no fortune files. Install Debian's package"
        + " (apt-get install fortunes), or pass a directory of files whose entries are separated by lines"
        + " holding %";
  }

  static FortuneText read(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(dir)) {
      files = listed.filter(FortuneText::isFortuneFile).sorted().toList();
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (Path file : files) text.write(Files.readAllBytes(file));
    return of(text.toByteArray());
  }

  private static boolean isFortuneFile(Path file) {
    return !file.getFileName().toString().contains(".") && Files.isRegularFile(file);
  }

  /** The recipe applied to the bytes of the concatenated files. */
  static FortuneText of(byte[] bytes) {
    StringBuilder kept = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      if (b == '\n' || (b >= 32 && b <= 126)) kept.append((char) b);
    }
    List<String> entries = new ArrayList<>();
    for (String entry : kept.toString().split("\n%\n", -1)) {
      String stripped = strip(entry);
      if (!stripped.isBlank()) entries.add(stripped);
    }
    new PythonRandom(0).shuffle(entries);
    int cut = entries.size() - entries.size() / 10;
    return new FortuneText(tokens(String.join("\n%\n", entries.subList(0, cut))),
        tokens(String.join("\n%\n", entries.subList(cut, entries.size()))), entries.size());
  }

  /** Python's {@code str.strip("\n")}. */
  private static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '\n') from++;
    while (to > from && s.charAt(to - 1) == '\n') to--;
    return s.substring(from, to);
  }

  private static int[] tokens(String text) {
    int[] tokens = new int[text.length()];
    for (int i = 0; i < tokens.length; i++) tokens[i] = text.charAt(i);
    return tokens;
  }
}
