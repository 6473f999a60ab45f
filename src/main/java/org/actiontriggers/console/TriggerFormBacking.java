package org.actiontriggers.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.actiontriggers.record.PayloadPreview;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigService;
import org.actiontriggers.trigger.ConfigVersionMismatchException;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.InvalidConfigException;
import org.actiontriggers.trigger.Signal;
import org.actiontriggers.trigger.Violation;

/**
 * The trigger form ({@code /action-triggers/console/edit/trigger.xhtml}, admins only): create or edit one trigger, with a
 * preview of its payload for a real entity; it sends to webhooks and to message broker queues. Saving goes
 * through {@link ConfigService}, which validates the whole trigger and saves all of it or nothing; each
 * {@link Violation} is shown next to its field.
 *
 * <p>Editing saves only over the version the form was opened with: when someone else saved the trigger in
 * between, the save is refused with a message saying so, and the form keeps what the user typed.
 */
@Named
@ViewScoped
public class TriggerFormBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "form:";

    @Inject
    ConfigService configs;

    @Inject
    PayloadPreview previews;

    @Inject
    TriggerSettings settings;

    @Inject
    ConsoleUser user;

    private Long id;
    private Long loadedVersion;
    private TriggerForm form;
    private String previewType;
    private String previewId;
    private transient PayloadPreview.Result preview;
    private boolean missing;

    /** Loads the trigger named by the {@code id} parameter, or starts a blank form. */
    public void load() {
        if (form != null) {
            return;
        }
        if (id == null) {
            form = TriggerForm.blank();
            return;
        }
        Config found = configs.find(id).orElse(null);
        form = found == null ? null : TriggerForm.of(found);
        loadedVersion = found == null ? null : found.getVersion();
        missing = form == null;
        if (missing) {
            form = TriggerForm.blank();
            message(null, "There is no trigger " + id + "; it may have been deleted. Saving creates a new one.");
            id = null;
        }
    }

    public String save() {
        if (!user.mayEdit()) {
            return null;
        }
        TriggerForm.Drafted drafted = getForm().toDraft();
        try {
            if (!drafted.problems().isEmpty()) {
                List<Violation> all = new ArrayList<>(drafted.problems());
                all.addAll(violationsOf(drafted));
                show(all);
                return null;
            }
            Config saved;
            if (id == null) {
                saved = configs.create(drafted.draft(), user.getName());
            } else {
                Long opened = loadedVersion;
                saved = configs.replace(id, drafted.draft(), opened == null ? null : v -> v == opened)
                        .orElse(null);
                if (saved == null) {
                    message(null, "Trigger " + id + " was deleted meanwhile; nothing was saved.");
                    return null;
                }
            }
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            "Trigger " + saved.getId() + " was " + (id == null ? "created" : "saved") + ".",
                            null));
            faces.getExternalContext().getFlash().setKeepMessages(true);
            return "/action-triggers/console/index?faces-redirect=true";
        } catch (InvalidConfigException e) {
            show(e.violations());
            return null;
        } catch (ConfigVersionMismatchException e) {
            message(
                    null,
                    "Trigger " + id + " was changed by someone else since you opened it; nothing was saved, so"
                            + " their change is not overwritten. Your input is still here: open the trigger again"
                            + " in another tab to see theirs, then apply yours to it.");
            return null;
        }
    }

    /** Renders the form's payload for the chosen entity, without saving or sending anything. */
    public void preview() {
        preview = null;
        TriggerForm.Drafted drafted = getForm().toDraft();
        if (!drafted.problems().isEmpty()) {
            show(drafted.problems());
            return;
        }
        try {
            Config unsaved = configs.unsaved(drafted.draft());
            preview = previews.preview(unsaved, previewType, previewId, null);
        } catch (InvalidConfigException e) {
            show(e.violations());
        }
    }

    private List<Violation> violationsOf(TriggerForm.Drafted drafted) {
        try {
            configs.requireValid(drafted.draft());
            return List.of();
        } catch (InvalidConfigException e) {
            Set<String> reported = new TreeSet<>();
            drafted.problems().forEach(p -> reported.add(p.pointer()));
            return e.violations().stream()
                    .filter(v -> !reported.contains(v.pointer()))
                    .toList();
        }
    }

    private void show(List<Violation> violations) {
        for (Violation violation : new LinkedHashSet<>(violations)) {
            FieldPlace place = FieldPlace.of(getForm(), violation.pointer());
            message(place.field() == null ? null : FORM + place.field(), place.label() + " " + violation.reason());
        }
        message(
                null,
                violations.size() == 1
                        ? "Nothing was saved: one field needs a change (shown next to it)."
                        : "Nothing was saved: " + violations.size() + " fields need a change (shown next to each).");
    }

    private static void message(String clientId, String text) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public void addWebhook() {
        getForm().addWebhook();
    }

    public void removeWebhook(int index) {
        getForm().removeWebhook(index);
    }

    public void addHeader(int webhook) {
        getForm().getWebhooks().get(webhook).addHeader();
    }

    public void removeHeader(int webhook, int header) {
        getForm().getWebhooks().get(webhook).removeHeader(header);
    }

    public void addQueue() {
        getForm().addQueue();
    }

    public void removeQueue(int index) {
        getForm().removeQueue(index);
    }

    public void addParameter(int queue) {
        getForm().getQueues().get(queue).addParameter();
    }

    public void removeParameter(int queue, int parameter) {
        getForm().getQueues().get(queue).removeParameter(parameter);
    }

    public void addConnDetail(int queue) {
        getForm().getQueues().get(queue).addConnDetail();
    }

    public void removeConnDetail(int queue, int detail) {
        getForm().getQueues().get(queue).removeConnDetail(detail);
    }

    /** The brokers defined in settings, which a queue may name, and the one it names now. */
    public List<TriggerForm.BrokerChoice> brokersFor(String current) {
        return TriggerForm.brokerChoices(settings.current().brokers(), current);
    }

    /** Only whitelisted entity types are offered. */
    public List<String> getEntityTypes() {
        Set<String> offered = new TreeSet<>(settings.current().whitelistedContentTypes());
        offered.retainAll(settings.entityNames());
        return List.copyOf(offered);
    }

    public List<String> getSignalNames() {
        return Arrays.stream(Signal.values()).map(Signal::value).toList();
    }

    public List<String> getMethods() {
        return Arrays.stream(HttpMethod.values()).map(HttpMethod::name).toList();
    }

    public boolean isEditing() {
        return id != null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** The form; blank when the page was asked for with an id that is not a number. */
    public TriggerForm getForm() {
        if (form == null) {
            form = TriggerForm.blank();
        }
        return form;
    }

    public String getPreviewType() {
        return previewType;
    }

    public void setPreviewType(String previewType) {
        this.previewType = previewType;
    }

    public String getPreviewId() {
        return previewId;
    }

    public void setPreviewId(String previewId) {
        this.previewId = previewId;
    }

    public PayloadPreview.Result getPreview() {
        return preview;
    }
}
