package dev.kiln.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.processor.model.LayerKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind lives in its own files: its record, its reader and its emitter, named after it, and the
 * three registries ({@code LayerKind}, {@code KindReaders}, {@code Emitters}). No other processor
 * source names it, so a new kind adds files and touches only those registries.
 */
class KindHomesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/kiln/processor");
  private static final Set<String> REGISTRIES = Set.of("LayerKind.java", "KindReaders.java", "Emitters.java");

  static List<Class<?>> kinds() {
    return List.of(LayerKind.class.getPermittedSubclasses());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void onlyItsOwnFilesAndTheRegistriesNameAKind(Class<?> kind) throws IOException {
    // A kind is named after its annotation plus Layer, or plus Kind when the annotation already ends in
    // Layer (TransformerEncoderLayerKind).
    String family = kind.getSimpleName().replaceFirst("(Layer|Kind)$", "");
    Pattern named = Pattern.compile("\\b" + Pattern.quote(kind.getSimpleName()) + "\\b");
    Set<String> naming;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      naming = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> named.matcher(read(f)).find())
          .map(f -> f.getFileName().toString())
          .filter(name -> !REGISTRIES.contains(name))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> home = naming.stream().filter(name -> name.startsWith(family)).collect(Collectors.toSet());
    naming.removeAll(home);
    assertEquals(Set.of(), naming, kind.getSimpleName() + " is named outside its home (" + family + "*.java)");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
