package dev.kiln.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkResolver;
import dev.kiln.processor.model.Shapes;
import dev.kiln.processor.reading.DeclarationReader;
import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.NetworkValidator;
import dev.kiln.processor.validation.ValidationReport;
import dev.kiln.processor.writing.SourceFiles;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Kiln's annotation processor. For each {@code @Model} type: read the declaration, validate it
 * (reporting every problem of the model in one go), and if it is sound write the model and its trainer.
 * Never throws: an unexpected failure becomes one error on the model that caused it.
 */
@AutoService(Processor.class)
public final class KilnProcessor extends AbstractProcessor {
  private static final String MODEL = "dev.kiln.dsl.Model";
  /** One for the whole compilation, so that it sees the names every model generates. */
  private NetworkValidator validator;
  private final Function<Network, List<JavaFile>> writers;

  public KilnProcessor() {
    this(SourceFiles::of);
  }

  /** A processor that writes {@code writers}' files; tests use it to see how failures are reported. */
  KilnProcessor(Function<Network, List<JavaFile>> writers) {
    this.writers = writers;
  }

  @Override
  public synchronized void init(javax.annotation.processing.ProcessingEnvironment env) {
    super.init(env);
    validator = new NetworkValidator(env.getElementUtils(), env.getTypeUtils());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(MODEL);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement model = processingEnv.getElementUtils().getTypeElement(MODEL);
    if (model == null) {
      return false;
    }
    for (Element element : round.getElementsAnnotatedWith(model)) {
      TypeElement type = (TypeElement) element;
      try {
        processModel(type);
      } catch (RuntimeException | Error e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Message.INTERNAL_ERROR.format(type.getQualifiedName(), e), type);
      }
    }
    return false;
  }

  private void processModel(TypeElement type) {
    ValidationReport report = new ValidationReport();
    DeclarationReader reader =
        new DeclarationReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    Optional<DeclaredNetwork> declared = reader.read(type, report);
    Optional<Shapes> shapes = declared.map(network -> validator.validate(network, report));
    report.printTo(processingEnv.getMessager(), type);
    if (declared.isEmpty() || !report.isClean() || declared.get().loss().isEmpty()) {
      return;
    }
    Network network = new NetworkResolver(processingEnv.getElementUtils()).resolve(declared.get(), shapes.get());
    for (JavaFile file : writers.apply(network)) {
      try {
        file.writeTo(processingEnv.getFiler());
      } catch (IOException e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Message.WRITE_FAILED.format(file.typeSpec().name(), network.simpleName(), e.getMessage()), type);
      }
    }
  }
}
