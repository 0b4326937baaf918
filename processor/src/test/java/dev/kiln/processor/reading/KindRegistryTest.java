package dev.kiln.processor.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.processor.model.LayerKind;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layer kinds are complete everywhere they must be: every layer annotation of the DSL has a reader,
 * and every kind a visitor method, which every emitter table must then implement (javac checks that).
 */
class KindRegistryTest {

  /**
   * Method annotations that are not layers: {@code @Residual} says how a block member is used, and the
   * declaration reader asks its own reader for it where a member returns a block.
   */
  private static final Set<String> NOT_LAYERS = Set.of("dev.kiln.dsl.Residual");

  @Test
  void everyLayerAnnotationOfTheDslHasAReader() throws Exception {
    Set<String> layers = layerAnnotations();
    layers.removeAll(NOT_LAYERS);
    assertEquals(layers, new TreeSet<>(KindReaders.annotations()));
  }

  @Test
  void everyKindHasItsOwnVisitorMethod() {
    Set<Class<?>> visited = Arrays.stream(LayerKind.Visitor.class.getDeclaredMethods())
        .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
    for (Class<?> kind : LayerKind.class.getPermittedSubclasses()) {
      assertTrue(visited.contains(kind), kind + " has no method in LayerKind.Visitor");
    }
    assertEquals(LayerKind.class.getPermittedSubclasses().length, LayerKind.Visitor.class.getDeclaredMethods().length);
  }

  @Test
  void everyKindAcceptsTheVisitorWithItsOwnMethod() throws Exception {
    for (Class<?> kind : LayerKind.class.getPermittedSubclasses()) {
      Method accept = kind.getMethod("accept", LayerKind.Visitor.class);
      assertEquals(kind, accept.getDeclaringClass(), kind + " must implement accept itself");
    }
  }

  /** The DSL's annotations that go on layer methods: those targeting methods, but for the model-level ones. */
  private static Set<String> layerAnnotations() throws IOException, URISyntaxException {
    Path location = Path.of(dev.kiln.dsl.Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      return annotationsIn(location.resolve("dev/kiln/dsl"));
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      return annotationsIn(jar.getPath("dev/kiln/dsl"));
    }
  }

  private static Set<String> annotationsIn(Path dsl) throws IOException {
    try (Stream<Path> files = Files.list(dsl)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$"))
          .map(n -> "dev.kiln.dsl." + n.substring(0, n.length() - ".class".length()))
          .filter(KindRegistryTest::targetsMethods)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static boolean targetsMethods(String name) {
    try {
      Class<?> type = Class.forName(name);
      Target target = type.getAnnotation(Target.class);
      return type.isAnnotation() && target != null && Arrays.asList(target.value()).contains(ElementType.METHOD);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
