package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.kiln.processor.model.Network;
import java.util.List;

/** The files generated for one network: its model and its trainer. */
public final class SourceFiles {
  private SourceFiles() {}

  public static List<JavaFile> of(Network network) {
    ClassName model = ClassName.get(network.packageName(), network.modelName());
    return List.of(
        file(network, JavaFile.builder(network.packageName(), new ModelWriter().write(network))),
        // The trainer reads the model's constants (sizes, offsets) unqualified, as the model does.
        file(network, JavaFile.builder(network.packageName(), new TrainerWriter().write(network))
            .addStaticImport(model, "*")));
  }

  private static JavaFile file(Network network, JavaFile.Builder builder) {
    return builder.skipJavaLangImports(true).indent("    ").build();
  }
}
