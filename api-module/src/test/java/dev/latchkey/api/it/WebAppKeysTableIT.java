package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.api.it.Api.Credential;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The API keys table shows what the API lists: sorted by name either way, paged, filtered by status. */
@ExtendWith(LatchkeyServerExtension.class)
class WebAppKeysTableIT {
    private static final int PAGE_SIZE = 10;

    private static Browser browser;
    private static WebApp app;
    private Api api;
    private Credential.Bearer owner;

    @BeforeAll
    static void startBrowser(LatchkeyServer server) {
        browser = Browser.start(server.baseUri());
        app = new WebApp(browser);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void connect(LatchkeyServer server) {
        api = new Api(server);
        owner = api.owner();
    }

    @Test
    void sortsByNameBothWaysAndPagesThroughTheSameKeysAsTheApi() {
        // At least two pages, whatever other tests have left behind.
        while (apiNames("-createdAt", 1).total() <= PAGE_SIZE) {
            api.issue(owner, List.of("read:users"));
        }
        app.signInAsOwner();

        sortBy("Name", "ascending");
        assertThat(tableNames()).isEqualTo(apiNames("name", 1).names());
        browser.screenshot("api-keys-tab-sorted-by-name");
        sortBy("Name", "descending");
        assertThat(tableNames()).isEqualTo(apiNames("-name", 1).names());

        Listing second = apiNames("-name", 2);
        app.button("Next ›").click();
        browser.await(driver -> pagerSummary().startsWith("Page 2 – "));
        assertThat(tableNames()).isEqualTo(second.names());
        assertThat(pagerSummary()).isEqualTo("Page 2 – " + second.total() + " keys");
        assertThat(app.button("‹ Previous").isEnabled()).isTrue();
    }

    @Test
    void theStatusFilterShowsOnlyRemovedKeys() {
        Api.IssuedKey removed = api.issue(owner, List.of("read:users"));
        assertThat(api.delete("/api/v1/api-keys/" + removed.id(), owner).status())
                .isEqualTo(200);
        app.signInAsOwner();

        WebElement unfiltered = browser.find(By.cssSelector(".keys-table"));
        new Select(app.field("Status")).selectByVisibleText("Removed");
        browser.await(ExpectedConditions.stalenessOf(unfiltered));

        browser.find(By.cssSelector(".keys-table tr[data-key-id='" + removed.id() + "']"));
        assertThat(browser.driver().findElements(By.cssSelector(".keys-table tbody .badge")))
                .extracting(WebElement::getText)
                .isNotEmpty()
                .containsOnly("Removed");
    }

    /** Clicks a sortable column header until it reports {@code direction} in aria-sort. */
    private static void sortBy(String column, String direction) {
        By header = By.xpath("//th[.//button[starts-with(normalize-space(), '" + column + "')]]");
        for (int clicks = 0;
                clicks < 2 && !direction.equals(browser.find(header).getAttribute("aria-sort"));
                clicks++) {
            WebElement before = browser.find(header);
            before.findElement(By.tagName("button")).click();
            // The table is rebuilt once the sorted page arrives.
            browser.await(ExpectedConditions.stalenessOf(before));
        }
        assertThat(browser.find(header).getAttribute("aria-sort")).isEqualTo(direction);
    }

    private static List<String> tableNames() {
        return browser.driver().findElements(By.cssSelector(".keys-table a.key-name")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static String pagerSummary() {
        return browser.find(By.cssSelector("[data-testid='pager-summary']")).getText();
    }

    private record Listing(List<String> names, long total) {}

    private Listing apiNames(String sort, int page) {
        Api.Reply reply = api.get(
                "/api/v1/api-keys?sort=" + sort + "&page%5Bnumber%5D=" + page + "&page%5Bsize%5D=" + PAGE_SIZE, owner);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> names = StreamSupport.stream(reply.data().spliterator(), false)
                .map(key -> key.path("attributes").path("name").asText())
                .toList();
        JsonNode total = reply.json().path("meta").path("page").path("total");
        return new Listing(names, total.asLong());
    }
}
