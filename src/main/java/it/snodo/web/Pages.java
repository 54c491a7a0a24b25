package it.snodo.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The planners' pages: static HTML and JavaScript modules under {@code static/}, served from the
 * jar on the service's own port, each calling the same {@code /api/v1} as any client. A page's
 * address has no ".html": {@code /explorer} shows {@code static/explorer.html}.
 */
@Configuration
class Pages implements WebMvcConfigurer {

    /** The pages besides the home page ({@code /}, Boot's welcome page {@code static/index.html}). */
    public static final java.util.List<String> PAGES = java.util.List.of("explorer", "gaps", "referrals", "plan");

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String page : PAGES) {
            registry.addViewController("/" + page).setViewName("forward:/" + page + ".html");
        }
    }
}
