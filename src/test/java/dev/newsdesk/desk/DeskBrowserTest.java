package dev.newsdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.Api;
import dev.newsdesk.support.ServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desk in a real browser: Debian's chromium driven headless by chromedriver, against the real
 * service on the embedded PostgreSQL. Skipped (one message) where the two packages are missing;
 * {@code .ci/run} installs them. Saves a screenshot of each page under {@code
 * target/desk-screenshots/}.
 */
@ServiceTest
class DeskBrowserTest {

  static final Path CHROMIUM = Path.of(System.getProperty("desk.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("desk.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "desk-screenshots");
  static final Duration WAIT = Duration.ofSeconds(20);

  static ChromeDriver driver;
  static ChromeDriverService service;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;
  WebDriverWait wait;

  @BeforeAll
  static void startBrowser(@TempDir Path profile) throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser tests skipped: "
            + CHROMIUM
            + " or "
            + CHROMEDRIVER
            + " is missing (apt-get install -y chromium chromium-driver)");
    Files.createDirectories(SCREENSHOTS);
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        // Loopback only: any other host name resolves to nothing, so no packet leaves the machine.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1280,1400");
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void setUp() {
    api = new Api(port, jdbc);
    api.resetDatabase();
    DeskFixtures.ingestAll(api);
    wait = new WebDriverWait(driver, WAIT);
    driver.manage().window().setSize(new Dimension(1280, 1400));
    open("/");
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
  }

  void open(String path) {
    driver.get("http://127.0.0.1:" + port + path);
  }

  long entityId(String name) {
    return jdbc.sql("select id from named_entity where name = ? and merged_into_id is null")
        .param(name)
        .query(Long.class)
        .single();
  }

  static void screenshot(String name) {
    copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name));
  }

  static void screenshot(WebElement element, String name) {
    copy(
        ((TakesScreenshot) element).getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOTS.resolve(name));
  }

  static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void useEditorKey() {
    WebElement key = driver.findElement(By.id("editor-key"));
    key.sendKeys(Api.EDITOR_KEY, Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBe(By.id("key-state"), "Key set for this tab: changes allowed."));
  }

  @Test
  void searchThenArticleThenEntityThenMergeThenBack() {
    driver.findElement(By.id("q")).sendKeys("budget", Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("q=budget"));
    screenshot("search.png");
    driver.findElement(By.linkText("Parliament approves budget")).click();
    wait.until(ExpectedConditions.titleContains("Parliament approves budget"));
    List<WebElement> people = driver.findElements(By.cssSelector("#article-body a.ent.PERSON"));
    assertThat(people).extracting(WebElement::getText).contains("Kofi Mensah");
    screenshot("article.png");
    driver.manage().window().setSize(new Dimension(390, 1400));
    screenshot("article-phone.png");
    driver.manage().window().setSize(new Dimension(1280, 1400));

    // The sidebar's item links to our copy of the cocoa story, which misspells the minister.
    driver
        .findElement(By.cssSelector(".story-list"))
        .findElement(By.linkText("Cocoa price rises again"))
        .click();
    wait.until(ExpectedConditions.titleContains("Cocoa price rises again"));
    String cocoaUrl = driver.getCurrentUrl();
    driver.findElement(By.cssSelector("#article-body a.ent.PERSON")).click();
    wait.until(ExpectedConditions.textToBe(By.id("entity-name"), "Kofi Mensa"));
    long mensa = entityId("Kofi Mensa");
    long mensah = entityId("Kofi Mensah");
    assertThat(driver.findElement(By.cssSelector(".candidates")).getText())
        .contains("Kofi Mensah id " + mensah);
    screenshot("entity.png");

    // Without a key the API's 401 is shown, and nothing changes.
    driver.findElement(By.id("merge-into")).sendKeys(Long.toString(mensah));
    driver.findElement(By.id("merge-button")).click();
    driver.switchTo().alert().accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("edit-result"), "401"));
    assertThat(driver.findElement(By.id("edit-result")).getText())
        .contains("enter your editor key");
    assertThat(entityId("Kofi Mensa")).isEqualTo(mensa);

    useEditorKey();
    driver.findElement(By.id("merge-button")).click();
    driver.switchTo().alert().accept();
    wait.until(ExpectedConditions.urlToBe("http://127.0.0.1:" + port + "/entities/" + mensah));
    wait.until(ExpectedConditions.textToBe(By.id("entity-name"), "Kofi Mensah"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("kofi mensa");

    // Back: the merged entity is gone; the article's mention now leads to the merged one.
    driver.navigate().back();
    driver.navigate().refresh();
    wait.until(ExpectedConditions.titleContains("Not found"));
    driver.navigate().back();
    driver.navigate().refresh();
    wait.until(ExpectedConditions.urlToBe(cocoaUrl));
    WebElement mention = driver.findElement(By.cssSelector("#article-body a.ent.PERSON"));
    assertThat(mention.getText()).isEqualTo("Kofi Mensa");
    assertThat(mention.getAttribute("href")).endsWith("/entities/" + mensah);
  }

  @Test
  void ingestPreviewThenStore() {
    open("/ingest");
    useEditorKey();
    driver.findElement(By.id("ingest-url")).sendKeys(DeskFixtures.PORT_URL);
    WebElement content = driver.findElement(By.id("ingest-content"));
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].value = arguments[1]", content, DeskFixtures.portPage());
    driver.findElement(By.id("preview-button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-result")));
    String preview = driver.findElement(By.id("preview-result")).getText();
    assertThat(preview)
        .contains("Port traffic up 12 percent", "Story lists", "Entities", "Removed boilerplate")
        .contains("Tema");
    assertThat(api.count("article")).isEqualTo(3);
    screenshot("ingest-preview.png");

    driver.findElement(By.id("store-button")).click();
    driver.switchTo().alert().accept();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stored-link")));
    assertThat(driver.findElement(By.id("stored")).getText()).contains("Stored: created");
    assertThat(api.count("article")).isEqualTo(4);
    driver.findElement(By.id("stored-link")).click();
    wait.until(ExpectedConditions.titleContains("Port traffic up 12 percent"));
  }

  @Test
  void theStoryWindowPictureNarrowsAcrossCaptures() {
    open("/stories");
    WebElement picture = driver.findElement(By.cssSelector("svg.window"));
    List<WebElement> captures = picture.findElements(By.cssSelector("rect.capture"));
    assertThat(captures).hasSize(3);
    WebElement narrowed = picture.findElement(By.cssSelector("rect.narrowed"));
    double narrowedWidth = Double.parseDouble(narrowed.getAttribute("width"));
    assertThat(captures)
        .allSatisfy(
            c ->
                assertThat(Double.parseDouble(c.getAttribute("width")))
                    .isGreaterThan(narrowedWidth));
    assertThat(picture.getRect().getWidth()).isGreaterThan(200);
    screenshot("stories.png");
    screenshot(driver.findElement(By.cssSelector(".story")), "story-window.png");
    open("/sources");
    screenshot("sources.png");
  }

  @Test
  void aHostilePagesScriptNeverRuns() {
    long hostile =
        jdbc.sql("select id from article where url = ?")
            .param(DeskFixtures.HOSTILE_URL)
            .query(Long.class)
            .single();
    for (String path : List.of("/articles/" + hostile, "/?q=storm", "/")) {
      open(path);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
      Object pwned =
          ((JavascriptExecutor) driver).executeScript("return window." + DeskFixtures.PWNED);
      assertThat(pwned).as(path).isNull();
    }
    open("/articles/" + hostile);
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .startsWith("<script>window." + DeskFixtures.PWNED);
    WebElement body = driver.findElement(By.id("article-body"));
    assertThat(body.getText()).contains("<b onmouseover=");
    new Actions(driver).moveToElement(body).perform();
    assertThat(((JavascriptExecutor) driver).executeScript("return window." + DeskFixtures.PWNED))
        .isNull();
    screenshot("hostile-article.png");
  }

  @Test
  void theSearchWorksFromTheKeyboardAlone() {
    open("/");
    Actions keys = new Actions(driver);
    keys.sendKeys(Keys.TAB).perform();
    assertThat(active().getText()).isEqualTo("Skip to content");
    keys.sendKeys(Keys.ENTER).perform();
    tabUntil("q", 5);
    keys.sendKeys("cocoa").perform();
    tabUntil("search-button", 30);
    keys.sendKeys(Keys.ENTER).perform();
    wait.until(ExpectedConditions.urlContains("q=cocoa"));
    // From the top of the results page: skip link, then to the first result, then open it.
    keys.sendKeys(Keys.TAB, Keys.ENTER).perform();
    for (int i = 0; i < 20 && !"Cocoa price rises again".equals(active().getText()); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertThat(active().getText()).isEqualTo("Cocoa price rises again");
    screenshot("search-keyboard.png");
    keys.sendKeys(Keys.ENTER).perform();
    wait.until(ExpectedConditions.titleContains("Cocoa price rises again"));
  }

  WebElement active() {
    return driver.switchTo().activeElement();
  }

  void tabUntil(String id, int most) {
    for (int i = 0; i < most && !id.equals(active().getAttribute("id")); i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
    }
    assertThat(active().getAttribute("id")).isEqualTo(id);
  }
}
