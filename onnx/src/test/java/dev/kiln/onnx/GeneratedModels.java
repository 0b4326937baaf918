package dev.kiln.onnx;

import dev.kiln.runtime.KilnModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every model the processor generated for the samples and their declared fixtures, found where those
 * classes were loaded from, so that a network declared later is exported without being listed here.
 */
final class GeneratedModels {
  private GeneratedModels() {}

  /** Each generated model by its class's simple name, created with {@code create(seed)}. */
  static TreeMap<String, Supplier<KilnModel>> all(long seed, Class<?>... anchors) {
    TreeMap<String, Supplier<KilnModel>> models = new TreeMap<>();
    for (Class<?> anchor : anchors) {
      for (String className : classNames(anchor)) {
        Class<?> type = load(className);
        if (!KilnModel.class.isAssignableFrom(type) || !Modifier.isPublic(type.getModifiers())) continue;
        Method create = create(type);
        if (create == null) continue;
        models.put(type.getSimpleName(), () -> invoke(create, seed));
      }
    }
    return models;
  }

  private static List<String> classNames(Class<?> anchor) {
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<String> names = new ArrayList<>();
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          files.map(f -> location.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
              .filter(GeneratedModels::isModelClass).forEach(f -> names.add(className(f)));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String entry = e.nextElement().getName();
            if (isModelClass(entry)) names.add(className(entry));
          }
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isModelClass(String path) {
    return path.endsWith("Model.class") && !path.contains("$");
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, GeneratedModels.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Method create(Class<?> type) {
    try {
      Method create = type.getMethod("create", long.class);
      return Modifier.isStatic(create.getModifiers()) ? create : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static KilnModel invoke(Method create, long seed) {
    try {
      return (KilnModel) create.invoke(null, seed);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
