package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every published Kiln jar names its module in its manifest ({@code Automatic-Module-Name}), so that a
 * modular application can {@code requires dev.kiln.runtime;}: the name the module system derives from each
 * jar, found through a class of it (Kiln's Spark module through a class that needs no Spark).
 */
class ModuleNamesTest {
  @Test
  void eachKilnJarIsAModuleOfAStableName() throws Exception {
    Map<String, String> expected = new TreeMap<>(Map.of(
        "dev.kiln.dsl.Model", "dev.kiln.dsl",
        "dev.kiln.runtime.KilnModel", "dev.kiln.runtime",
        "dev.kiln.processor.KilnProcessor", "dev.kiln.processor",
        "dev.kiln.plots.Plots", "dev.kiln.plots",
        "dev.kiln.onnx.OnnxExport", "dev.kiln.onnx",
        "dev.kiln.spark.Aggregation", "dev.kiln.spark"));
    Map<String, String> actual = new TreeMap<>();
    for (String type : expected.keySet()) actual.put(type, moduleOf(type));
    assertEquals(expected, actual);
  }

  private static String moduleOf(String type) throws ClassNotFoundException, URISyntaxException {
    Class<?> c = Class.forName(type, false, ModuleNamesTest.class.getClassLoader());
    Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<ModuleReference> modules = ModuleFinder.of(jar).findAll();
    return modules.iterator().next().descriptor().name();
  }
}
