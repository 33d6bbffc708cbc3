package dev.newsdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the version and build time the build wrote ({@code spring-boot-maven-plugin}'s
 * {@code build-info} goal), else the jar manifest's version, and the Java running it.
 */
final class BuildVersion implements IVersionProvider {

  static final String BUILD_INFO = "META-INF/build-info.properties";

  @Override
  public String[] getVersion() throws IOException {
    return new String[] {
      "newsdesk " + describe(load(BUILD_INFO), manifestVersion()),
      "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"
    };
  }

  /** "0.1.0-SNAPSHOT (built 2026-12-03T13:10:00.123Z)", or what is known of it. */
  static String describe(@Nullable Properties buildInfo, @Nullable String manifestVersion) {
    if (buildInfo != null && buildInfo.getProperty("build.version") != null) {
      String time = buildInfo.getProperty("build.time");
      return buildInfo.getProperty("build.version") + (time == null ? "" : " (built " + time + ")");
    }
    return manifestVersion != null ? manifestVersion : "(version unknown: no build information)";
  }

  private static @Nullable Properties load(String resource) throws IOException {
    try (InputStream in = BuildVersion.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p;
    }
  }

  private static @Nullable String manifestVersion() {
    return BuildVersion.class.getPackage().getImplementationVersion();
  }
}
